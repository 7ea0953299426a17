package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code ssmrun wait} on commands sent with the SDK: the layout of run and its exit-code rule
 * (Ctrl-C is in {@link CliProcessIT}).
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class WaitIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgainstEndpoint emu = new AgainstEndpoint(2);

  @AfterEach
  void close() {
    emu.close();
  }

  private String sendToAll(String script) {
    return emu.send(script, false, emu.ids().toArray(String[]::new));
  }

  /** Exits {@code first} on the first instance, {@code second} on the other. */
  private String exits(int first, int second) {
    return "[ \"$AWS_SSM_INSTANCE_ID\" = "
        + emu.ids().get(0)
        + " ] && exit "
        + first
        + "; exit "
        + second;
  }

  @Test
  void text_printsEachInstanceAsRunDoes_exit0() {
    String id = sendToAll("sleep 0.5; echo out; echo err >&2");

    CliRun run = emu.run("wait", id);

    assertThat(run.exitCode()).isZero();
    for (String instance : emu.ids()) {
      assertThat(run.out()).contains(instance + ": out\n");
      assertThat(run.err())
          .containsPattern("(?m)^ssmrun: " + instance + " Success exit=0 \\d+\\.\\ds$")
          .contains(instance + ": err\n");
    }
    assertThat(run.err())
        .containsPattern(
            "ssmrun: 2 instances in \\d+\\.\\ds: 2 succeeded; failure policy held \\(no failure"
                + " allowed\\); exit 0\n$");
  }

  @Test
  void failedInstancesAgree_theirCode_disagree_1_allowed_0() {
    String agree = sendToAll(exits(3, 3));
    String disagree = sendToAll(exits(4, 5));

    CliRun three = emu.run("wait", agree);
    CliRun one = emu.run("wait", disagree);
    CliRun allowed = emu.run("wait", "--allow-failures", "2", disagree);

    assertThat(three.exitCode()).isEqualTo(3);
    assertThat(one.exitCode()).isEqualTo(1);
    assertThat(one.err()).contains("failure policy broken (no failure allowed); exit 1");
    assertThat(allowed.exitCode()).isZero();
    assertThat(allowed.err()).contains("failure policy held (--allow-failures 2); exit 0");
  }

  @Test
  void alreadyFinished_printedAtOnce() throws Exception {
    String id = emu.sendAndAwait("echo early");

    CliRun run = emu.run("wait", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2).allMatch(l -> l.endsWith(": early"));
  }

  @Test
  void waitTimeout_cancelsWhatStillRuns_exit124() {
    String id = sendToAll("sleep 30");

    CliRun run = emu.run("wait", "--wait-timeout", "2s", id);

    assertThat(run.exitCode()).isEqualTo(124);
    assertThat(emu.emulator.state().callCount("CancelCommand")).isGreaterThanOrEqualTo(1);
    assertThat(run.err())
        .contains("cancelled by ssmrun", "--wait-timeout passed, what still ran was cancelled")
        .endsWith("exit 124\n");
  }

  @Test
  void ranNowhere_everyInstanceUndelivered_exit255() {
    emu.close();
    emu =
        new AgainstEndpoint(
            new EmulatorServices(1, "offline=1,seed=1", b -> b.timeoutUnit(Duration.ofMillis(20))));
    String id;
    try (SsmClient ssm = emu.emulator.newSsmClient()) {
      id =
          ssm.sendCommand(
                  r ->
                      r.documentName("AWS-RunShellScript")
                          .instanceIds(emu.ids())
                          // Delivery expires after TimeoutSeconds plus executionTimeout, as on
                          // SSM: 40 s, 0.8 s at this emulator's pace.
                          .timeoutSeconds(30)
                          .parameters(
                              Map.of(
                                  "commands", List.of("true"), "executionTimeout", List.of("10"))))
              .command()
              .commandId();
    }

    CliRun run = emu.run("wait", id);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(255);
    assertThat(run.err()).contains("DeliveryTimedOut");
    assertThat(run.err()).contains("the command ran nowhere; exit 255");
  }

  @Test
  void unknownCommand_exit255_commandNotFound() {
    CliRun run = emu.run("wait", "-o", "jsonl", "5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718");

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.out()).contains("\"type\":\"error\"", "\"error\":\"command_not_found\"");
  }

  @Test
  void jsonLines_oneObjectPerInstanceThenTheSummary_json_oneDocument() throws Exception {
    String id = sendToAll(exits(0, 2));

    CliRun lines = emu.run("wait", "-o", "jsonl", id);
    CliRun doc = emu.run("wait", "-o", "json", id);

    List<JsonNode> objects = lines.out().lines().map(StatusIT::parse).toList();
    assertThat(lines.exitCode()).isEqualTo(2);
    assertThat(objects)
        .extracting(o -> o.get("type").asText())
        .containsExactly("invocation", "invocation", "summary");
    assertThat(objects.get(2).get("exitCode").asInt()).isEqualTo(2);
    assertThat(objects.get(2).get("commandIds").get(0).asText()).isEqualTo(id);
    JsonNode json = JSON.readTree(doc.out());
    assertThat(doc.exitCode()).isEqualTo(2);
    assertThat(json.get("policySatisfied").asBoolean()).isFalse();
    assertThat(json.get("invocations")).hasSize(2);
    assertThat(lines.err()).isEmpty();
    assertThat(doc.err()).isEmpty();
  }

  @Test
  void quiet_oneInstance_exactlyItsBytes() {
    String id = emu.send("printf 'x\\ny'", false, emu.ids().get(0));

    CliRun run = emu.run("wait", "-q", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("x\ny");
    assertThat(run.err()).isEmpty();
  }
}
