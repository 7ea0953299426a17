package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmrun.cli.print.TextRunPrinter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@code ssmrun run --local} in-process against an emulator: text, JSON and JSON Lines. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class RunLocalIT {
  private static final ObjectMapper JSON = new ObjectMapper();

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
        .containsExactlyInAnyOrderElementsOf(
            ids.stream().map(id -> id + ": hello from " + id).toList());
    assertThat(services.emulator.state().callCount("SendCommand")).isEqualTo(1);
    ids.forEach(id -> assertThat(services.emulator.state().executionCount(id)).isEqualTo(1));
  }

  @Test
  void text_headerPerInstanceAndOneSummary_onStderr() {
    CliRun run = run(2, "run", "--local", "--", "echo out; echo err >&2");

    List<String> ids = services.emulator.instanceIds();
    assertThat(run.exitCode()).isZero();
    for (String id : ids) {
      assertThat(run.err()).containsPattern("(?m)^ssmrun: " + id + " Success exit=0 \\d+\\.\\ds$");
      assertThat(run.err()).contains(id + ": err\n");
      assertThat(run.out()).contains(id + ": out\n");
    }
    assertThat(run.err().lines().filter(l -> l.startsWith("ssmrun: 2 instances")))
        .singleElement()
        .asString()
        .matches(
            "ssmrun: 2 instances in \\d+\\.\\ds: 2 succeeded; failure policy held \\(no failure"
                + " allowed\\); exit 0");
  }

  @Test
  void stderrAndMultiLineScript_stderrPrefixedOnStandardError() {
    CliRun run = run(1, "run", "--local", "--", "echo one\necho two >&2\necho three");

    String id = services.emulator.instanceIds().get(0);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(id + ": one\n" + id + ": three\n");
    assertThat(run.err()).contains(id + ": two\n");
  }

  @Test
  void instancesDisagree_exit1_unlessPolicyAllowsTheFailure() {
    services = new EmulatorServices(3);
    String failing = services.emulator.instanceIds().get(0);
    String other = services.emulator.instanceIds().get(1);
    String script =
        "[ \"$AWS_SSM_INSTANCE_ID\" = "
            + failing
            + " ] && exit 4; [ \"$AWS_SSM_INSTANCE_ID\" = "
            + other
            + " ] && exit 5; exit 0";

    CliRun strict = CliRun.of(services, "run", "--local", "--", script);
    services = new EmulatorServices(3); // same seed, same instance ids; the CLI closed the first
    CliRun tolerant = CliRun.of(services, "run", "--local", "--allow-failures", "2", "--", script);

    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err())
        .contains("ssmrun: " + failing + " Failed exit=4", "failure policy broken", "exit 1");
    assertThat(tolerant.exitCode()).isZero();
    assertThat(tolerant.err()).contains("failure policy held (--allow-failures 2); exit 0");
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

    JsonNode json = JSON.readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(json.get("exitCode").asInt()).isEqualTo(6);
    assertThat(json.get("successful").asBoolean()).isFalse();
    assertThat(json.get("policySatisfied").asBoolean()).isFalse();
    assertThat(json.get("policy").asText()).isEqualTo("no failure allowed");
    assertThat(json.get("counts").get("failed").asInt()).isEqualTo(2);
    assertThat(json.get("commandIds")).hasSize(1);
    assertThat(json.get("invocations")).hasSize(2);
    for (JsonNode invocation : json.get("invocations")) {
      assertThat(invocation.get("instanceId").asText()).isIn(services.emulator.instanceIds());
      assertThat(invocation.get("exitCode").asInt()).isEqualTo(6);
      assertThat(invocation.get("stdout").asText()).isEqualTo("out\n");
      assertThat(invocation.get("stderr").asText()).isEqualTo("err\n");
      assertThat(invocation.get("outcome").asText()).isEqualTo("failed");
      assertThat(invocation.get("startTime").asText()).isNotEmpty();
    }
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonLines_sentThenOneObjectPerInstanceThenSummary_nothingElseOnStdout() throws Exception {
    CliRun run = run(3, "run", "--local", "-o", "jsonl", "--", "echo $AWS_SSM_INSTANCE_ID");

    List<JsonNode> lines = run.out().lines().map(RunLocalIT::parse).toList();
    assertThat(run.exitCode()).isZero();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("type").asText()).isEqualTo("sent");
    assertThat(lines.get(0).get("commandIds")).hasSize(1);
    for (JsonNode line : lines.subList(1, 4)) {
      assertThat(line.get("type").asText()).isEqualTo("invocation");
      assertThat(line.get("stdout").asText()).isEqualTo(line.get("instanceId").asText() + "\n");
      assertThat(line.get("outcome").asText()).isEqualTo("success");
    }
    JsonNode summary = lines.get(4);
    assertThat(summary.get("type").asText()).isEqualTo("summary");
    assertThat(summary.get("exitCode").asInt()).isZero();
    assertThat(summary.get("policySatisfied").asBoolean()).isTrue();
    assertThat(summary.get("counts").get("success").asInt()).isEqualTo(3);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void quiet_oneInstance_exactlyItsBytes_nothingElse() {
    CliRun run = run(1, "run", "--local", "-q", "--", "printf 'a b\\n\\nno newline'");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("a b\n\nno newline");
    assertThat(run.err()).isEmpty();
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
    services = new EmulatorServices(1); // not --local, which has a staging bucket
    String id = services.emulator.instanceIds().get(0);
    CliRun run = new AgainstEndpoint(services).run("run", "-i", id, "--", "seq 1 20000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().length()).isLessThan(24_000 + 5_000 * 22);
    assertThat(run.err()).contains(TextRunPrinter.TRUNCATED);
  }

  @Test
  void preflight_unknownInstance_nothingSent_exit255_withHowToProceed() {
    CliRun run = run(1, "run", "--local", "-i", "i-0000000000000000f", "--", "true");

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.err()).contains("i-0000000000000000f", "unknown", "--no-preflight");
    assertThat(run.err()).doesNotContain("Exception", "dev.ssmrun");
    assertThat(services.emulator.state().callCount("SendCommand")).isZero();
  }

  @Test
  void throttledBeyondRetries_exit255_saysSoInOneLine() throws Exception {
    services = new EmulatorServices(1, "DescribeInstanceInformation:throttle=1,seed=1");

    CliRun run = CliRun.of(services, "run", "--local", "-o", "json", "--", "true");

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("throttl").doesNotContain("Attempt", "Exception");
    assertThat(JSON.readTree(run.out()).get("error").asText()).isEqualTo("throttled");
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
    assertThat(run.err())
        .contains("cancelled by ssmrun", "--wait-timeout passed, what still ran was cancelled")
        .endsWith("exit 124\n");
  }

  @Test
  void debug_logsEveryCall_neverTheScriptOrEnvironmentValues() {
    CliRun run =
        run(
            1,
            "run",
            "--local",
            "--debug",
            "--env",
            "TOKEN=hunter2-env-secret",
            "--",
            "true # hunter2-script-secret");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .containsPattern(
            "ssmrun: debug: SSM DescribeInstanceInformation http://127\\.0\\.0\\.1:\\d+:"
                + " HTTP 200 in \\d+ ms, 1 attempt")
        .contains("ssmrun: debug: SSM SendCommand ", "ssmrun: debug: SSM ListCommandInvocations ")
        .doesNotContain("hunter2", services.emulator.secretAccessKey() + "\n");
    assertThat(run.out()).doesNotContain("hunter2");
  }

  @Test
  void localPathHint_existingLocalScript_oneNoteThatFlagF_sendsIt() {
    CliRun run = run(1, "run", "--local", "--", "./pom.xml");

    assertThat(run.err())
        .contains(
            "ssmrun: note: ./pom.xml runs the path ./pom.xml on each instance; to send the local"
                + " file instead, use -f ./pom.xml");
  }

  @Test
  void noInstanceMatches_awsTargetSyntax_reachesSsmAsATagTarget() {
    CliRun run =
        run(
            2,
            "run",
            "--local",
            "-t",
            "Key=tag:Role,Values=worker",
            "--",
            "echo $AWS_SSM_INSTANCE_ID");

    List<String> ids = services.emulator.instanceIds();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(ids.get(1) + ": " + ids.get(1));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @Test
  void eachInstanceIsPrintedAsSoonAsItFinishes_notAtTheEnd() throws Exception {
    services = new EmulatorServices(2);
    String fast = services.emulator.instanceIds().get(0);
    String slow = services.emulator.instanceIds().get(1);
    String script =
        "[ \"$AWS_SSM_INSTANCE_ID\" = " + fast + " ] && { echo fast; exit 0; }; sleep 60";

    CliRun.Running cli = CliRun.start(services, "run", "--local", "--", script);
    for (int i = 0;
        i < 600 && !cli.err().toString().contains("ssmrun: " + fast + " Success");
        i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }

    assertThat(cli.err().toString()).contains("ssmrun: " + fast + " Success exit=0");
    assertThat(cli.out().toString()).isEqualTo(fast + ": fast\n");
    assertThat(cli.exit()).isNotDone(); // the slow instance still runs
    try (SsmClient ssm = services.emulator.newSsmClient()) {
      String commandId = ssm.listCommands(r -> r.maxResults(1)).commands().get(0).commandId();
      ssm.cancelCommand(r -> r.commandId(commandId));
    }
    // The only failed instance was killed (SIGKILL, 137): its code is the exit code.
    CliRun run = cli.await();
    assertThat(run.exitCode()).isEqualTo(137);
    assertThat(run.err()).contains("ssmrun: " + slow + " Cancelled");
  }
}
