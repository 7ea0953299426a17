package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code ssmrun status} against an emulator started separately: text, JSON, JSON Lines. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class StatusIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AgainstEndpoint emu = new AgainstEndpoint(2);

  /** Prints "out"; the second instance exits 3. */
  private String secondFails() {
    return "echo out; [ \"$AWS_SSM_INSTANCE_ID\" = " + emu.ids().get(1) + " ] && exit 3; exit 0";
  }

  @AfterEach
  void close() {
    emu.close();
  }

  @Test
  void text_finishedCommand_oneRowPerInstance_countsOnStderr_exit0() throws Exception {
    String id = emu.sendAndAwait(secondFails());
    List<String> ids = emu.ids();

    CliRun run = emu.run("status", id);

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).matches("INSTANCE ID +NAME +STATUS +DETAILS +EXIT +ELAPSED");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .anyMatch(l -> l.matches(ids.get(0) + " +local-1 +Success +Success +0 +\\d+\\.\\ds"))
        .anyMatch(l -> l.matches(ids.get(1) + " +local-2 +Failed +Failed +3 +\\d+\\.\\ds"));
    assertThat(run.err()).isEqualTo("ssmrun: 2 instances: 1 succeeded, 1 failed\n");
  }

  @Test
  void text_runningCommand_showsInProgress_noExitCode_waitsForNothing() throws Exception {
    String id = emu.send("sleep 30", false, emu.ids().toArray(String[]::new));
    SentCommands.awaitExecutions(emu.emulator, emu.ids().get(1), 1);
    SentCommands.awaitExecutions(emu.emulator, emu.ids().get(0), 1);

    CliRun run = emu.run("status", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(1))
        .hasSize(2)
        .allMatch(l -> l.matches("i-\\w+ +local-\\d +InProgress +InProgress +- +\\d+\\.\\ds"));
    assertThat(run.err()).isEqualTo("ssmrun: 2 instances: 2 running\n");
    assertThat(emu.emulator.state().callCount("CancelCommand")).isZero();
    SentCommands.cancel(emu.emulator, id);
  }

  @Test
  void text_severalCommands_oneTableWithACommandColumn() throws Exception {
    String first = emu.sendAndAwait("true");
    String second = emu.sendAndAwait("true");

    CliRun run = emu.run("status", first, second);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("COMMAND ID  ");
    assertThat(run.out().lines().skip(1)).hasSize(4);
    assertThat(run.out()).contains(first + "  ", second + "  ");
    assertThat(run.err()).isEqualTo("ssmrun: 4 instances: 4 succeeded\n");
  }

  @Test
  void json_oneDocument_countsAndEveryInvocationWithItsOutput() throws Exception {
    String id = emu.sendAndAwait(secondFails());

    CliRun run = emu.run("status", "-o", "json", id);

    JsonNode json = JSON.readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.get("commandIds").get(0).asText()).isEqualTo(id);
    assertThat(json.get("instances").asInt()).isEqualTo(2);
    assertThat(json.get("finished").asBoolean()).isTrue();
    assertThat(json.get("counts").get("success").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("failed").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("running").asInt()).isZero();
    JsonNode failed = byInstance(json.get("invocations"), emu.ids().get(1));
    assertThat(failed.get("instanceId").asText()).isEqualTo(emu.ids().get(1));
    assertThat(failed.get("instanceName").asText()).isEqualTo("local-2");
    assertThat(failed.get("exitCode").asInt()).isEqualTo(3);
    assertThat(failed.get("outcome").asText()).isEqualTo("failed");
    assertThat(failed.get("stdout").asText()).isEqualTo("out\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonLines_oneObjectPerInstanceThenTheStatus_nothingElse() throws Exception {
    String id = emu.sendAndAwait("true");

    CliRun run = emu.run("status", "-o", "jsonl", id);

    List<JsonNode> lines = run.out().lines().map(StatusIT::parse).toList();
    assertThat(run.exitCode()).isZero();
    assertThat(lines)
        .extracting(l -> l.get("type").asText())
        .containsExactly("invocation", "invocation", "status");
    assertThat(lines.get(2).get("finished").asBoolean()).isTrue();
    assertThat(lines.get(2).get("counts").get("success").asInt()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void unknownCommand_exit255_saysWhatToCheck_jsonErrorToo() throws Exception {
    CliRun run = emu.run("status", "-o", "json", "5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718");

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.err())
        .startsWith("ssmrun: error: SSM does not show command 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718")
        .doesNotContain("Exception");
    assertThat(JSON.readTree(run.out()).get("error").asText()).isEqualTo("command_not_found");
  }

  static JsonNode byInstance(JsonNode invocations, String instanceId) {
    for (JsonNode i : invocations) {
      if (i.get("instanceId").asText().equals(instanceId)) {
        return i;
      }
    }
    throw new AssertionError("no invocation on " + instanceId + ": " + invocations);
  }

  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
