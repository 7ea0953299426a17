package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLocalIT {
  private EmulatorServices services;

  @AfterEach
  void closeEmulator() {
    if (services != null) {
      services.emulator.close();
    }
  }

  private CliRun run(int instances, String... args) {
    services = new EmulatorServices(instances);
    return CliRun.of(services, args);
  }

  @Test
  void readmeDemo_everyInstanceExits3_exits3AndPrintsPrefixedLines() {
    CliRun run = run(3, "run", "--local", "--", "echo hello from $AWS_SSM_INSTANCE_ID; exit 3");

    List<String> ids = services.emulator.instanceIds().stream().sorted().toList();
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out().lines())
        .containsExactlyElementsOf(ids.stream().map(id -> id + ": hello from " + id).toList());
    assertThat(services.emulator.state().callCount("SendCommand")).isEqualTo(1);
    ids.forEach(id -> assertThat(services.emulator.state().executionCount(id)).isEqualTo(1));
  }

  @Test
  void echoOk_printsOkOncePerInstance_exits0() {
    CliRun run = run(3, "run", "--local", "--", "echo ok");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(3).allMatch(line -> line.matches("i-[0-9a-f]{17}: ok"));
  }

  @Test
  void stderrAndMultiLineScript_stderrPrefixedOnStandardError() {
    CliRun run = run(1, "run", "--local", "--", "echo one\necho two >&2\necho three");

    String id = services.emulator.instanceIds().get(0);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(id + ": one\n" + id + ": three\n");
    assertThat(run.err()).startsWith(id + ": two\n");
  }

  @Test
  void oneInstanceFails_exitsWithItsCode_unlessPolicyAllowsTheFailure() {
    services = new EmulatorServices(2);
    String failing = services.emulator.instanceIds().get(0);
    String script = "[ \"$AWS_SSM_INSTANCE_ID\" = " + failing + " ] && exit 4; exit 0";

    CliRun strict = CliRun.of(services, "run", "--local", "--", script);
    services = new EmulatorServices(2); // same seed, same instance ids; the CLI closed the first
    CliRun tolerant =
        CliRun.of(services, "run", "--local", "--allow-failures", failing, "--", script);

    assertThat(strict.exitCode()).isEqualTo(4);
    assertThat(strict.err()).contains(failing + ": Failed", "exit code 4");
    assertThat(tolerant.exitCode()).isZero();
  }

  @Test
  void faults_throttlingAndLostSends_stillRunOncePerInstance_exit0() {
    services = new EmulatorServices(3, "throttle=0.3,SendCommand:lose=0.5,seed=5");

    CliRun run = CliRun.of(services, "run", "--local", "--", "echo ok");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(3);
    services
        .emulator
        .instanceIds()
        .forEach(id -> assertThat(services.emulator.state().executionCount(id)).isEqualTo(1));
  }

  @Test
  void jsonOutput_oneDocumentWithEveryInstance() throws Exception {
    CliRun run = run(2, "run", "--local", "-o", "json", "--", "echo out; echo err >&2; exit 6");

    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(json.get("successful").asBoolean()).isFalse();
    assertThat(json.get("counts").get("FAILED").asInt()).isEqualTo(2);
    assertThat(json.get("invocations")).hasSize(2);
    for (var invocation : json.get("invocations")) {
      assertThat(invocation.get("instanceId").asText()).isIn(services.emulator.instanceIds());
      assertThat(invocation.get("exitCode").asInt()).isEqualTo(6);
      assertThat(invocation.get("stdout").asText()).isEqualTo("out\n");
      assertThat(invocation.get("stderr").asText()).isEqualTo("err\n");
      assertThat(invocation.get("outcome").asText()).isEqualTo("FAILED");
      assertThat(invocation.get("startTime").asText()).isNotEmpty();
    }
  }

  @Test
  void largeOutput_withLocalOutputBucket_printedWholeFromS3() {
    CliRun run =
        run(
            1,
            "run",
            "--local",
            "--output-s3-bucket",
            "run-logs",
            "--output-s3-prefix",
            "ci",
            "--",
            "seq 1 20000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(20000).last().asString().endsWith(": 20000");
    assertThat(run.err()).doesNotContain("truncated");
  }

  @Test
  void largeOutput_withoutBucket_truncationSaidOnStderr() {
    CliRun run = run(1, "run", "--local", "--", "seq 1 20000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().length()).isLessThan(24_000 + 5_000 * 22);
    assertThat(run.err()).contains(ResultPrinter.TRUNCATED);
  }

  @Test
  void preflight_unknownInstance_nothingSent_exit1_withHowToProceed() {
    CliRun run = run(1, "run", "--local", "-i", "i-0000000000000000f", "--", "true");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("i-0000000000000000f", "unknown", "--no-preflight");
    assertThat(services.emulator.state().callCount("SendCommand")).isZero();
  }

  @Test
  void tagTarget_runsOnlyOnMatchingInstances() {
    CliRun run = run(4, "run", "--local", "-t", "Role=web", "--", "echo web");

    List<String> ids = services.emulator.instanceIds();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactlyInAnyOrder(ids.get(0) + ": web", ids.get(2) + ": web");
    assertThat(services.emulator.state().executionCount(ids.get(1))).isZero();
  }

  @Test
  void waitTimeout_cancelsWhatStillRuns_exits124() {
    CliRun run = run(2, "run", "--local", "--wait-timeout", "2s", "--", "sleep 30");

    assertThat(run.exitCode()).isEqualTo(124);
    assertThat(services.emulator.state().callCount("CancelCommand")).isGreaterThanOrEqualTo(1);
    assertThat(services.emulator.state().invocations()).containsKey("Cancelled");
    assertThat(run.err()).contains("cancelled by ssmrun");
  }
}
