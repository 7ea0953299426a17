package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code ssmrun cancel}: the cancel shows in SSM, the scripts are gone, the report says so. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class CancelIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AgainstEndpoint emu = new AgainstEndpoint(2);

  @AfterEach
  void close() {
    emu.close();
  }

  private String sleepingEverywhere() throws InterruptedException {
    String id = emu.send("sleep 30", false, emu.ids().toArray(String[]::new));
    for (String instance : emu.ids()) {
      SentCommands.awaitExecutions(emu.emulator, instance, 1);
    }
    return id;
  }

  @Test
  void wholeCommand_everyInstanceCancelled_processesGone_exit0() throws Exception {
    String id = sleepingEverywhere();

    CliRun run = emu.run("cancel", id);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1))
        .hasSize(2)
        .allMatch(l -> l.matches("i-\\w+ +local-\\d +Cancelled +Cancelled +\\d+ +\\d+\\.\\ds"));
    assertThat(run.err()).isEqualTo("ssmrun: 2 instances: 2 cancelled\n");
    assertThat(emu.emulator.state().callCount("CancelCommand")).isOne();
    for (String instance : emu.ids()) {
      assertThat(processesUnder(emu.emulator.instanceDirectory(instance))).isEmpty();
    }
  }

  @Test
  void dashI_cancelsOnlyThatInstance_theOtherRunsOn() throws Exception {
    String id = sleepingEverywhere();
    List<String> ids = emu.ids();

    CliRun run = emu.run("cancel", id, "-i", ids.get(0));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1))
        .singleElement()
        .asString()
        .startsWith(ids.get(0) + " ")
        .contains("Cancelled");
    assertThat(SentCommands.status(emu.emulator, id, ids.get(1))).isEqualTo("InProgress");
    assertThat(processesUnder(emu.emulator.instanceDirectory(ids.get(0)))).isEmpty();
    assertThat(processesUnder(emu.emulator.instanceDirectory(ids.get(1)))).isNotEmpty();
    SentCommands.cancel(emu.emulator, id);
  }

  @Test
  void json_theStatusOfTheCancelledInstances() throws Exception {
    String id = sleepingEverywhere();

    CliRun run = emu.run("cancel", "-o", "json", id);

    JsonNode json = JSON.readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.get("finished").asBoolean()).isTrue();
    assertThat(json.get("counts").get("cancelled").asInt()).isEqualTo(2);
    assertThat(json.get("invocations")).allMatch(i -> i.get("status").asText().equals("Cancelled"));
  }

  @Test
  void alreadyFinished_keepsItsResult_exit0() throws Exception {
    String id = emu.sendAndAwait("true");

    CliRun run = emu.run("cancel", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("ssmrun: 2 instances: 2 succeeded\n");
  }

  @Test
  void unknownCommand_exit255_inCliWords() {
    CliRun run = emu.run("cancel", "5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718");

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.err())
        .isEqualTo(
            "ssmrun: error: SSM does not know command 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718: check"
                + " the command id, and the region and endpoint (--region, --endpoint-url)\n");
  }

  static List<ProcessHandle> processesUnder(Path directory) {
    String marker = directory.toString() + File.separator;
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
  }
}
