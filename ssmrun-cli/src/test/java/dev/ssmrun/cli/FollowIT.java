package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** {@code ssmrun run --follow}: lines while the command runs, each exactly once in total. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class FollowIT {
  private static final String LINE_PER_SECOND =
      "for i in 1 2 3; do echo \"out $i\"; echo \"err $i\" >&2; sleep 1; done";

  private EmulatorServices services;

  @AfterEach
  void close() {
    services.emulator.close();
  }

  @Test
  void linesArriveBeforeTheCommandEnds_thenTheStatusLine_eachLineOnce() throws Exception {
    // The gate is a host file, so the instance runs its scripts on the host.
    services = new EmulatorServices(1, "seed=1", EmulatorServices.SHARED_HOST);
    String id = services.emulator.instanceIds().get(0);
    Path gate = services.emulator.instanceDirectory(id).resolve("gate");
    String script = "echo one; while [ ! -e '" + gate + "' ]; do sleep 0.1; done; echo two";

    CliRun.Running cli = CliRun.start(services, "run", "--local", "-F", "--", script);
    cli.awaitOut(out -> out.contains(id + ": one\n"));
    String beforeTheGate = cli.out().toString();
    String errBeforeTheGate = cli.err().toString();
    Files.createFile(gate);
    CliRun run = cli.await();

    // The script cannot end before the gate exists, and the gate came after its first line.
    assertThat(beforeTheGate).isEqualTo(id + ": one\n");
    assertThat(errBeforeTheGate).doesNotContain("ssmrun: " + id + " Success");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(id + ": one\n" + id + ": two\n");
    assertThat(run.err())
        .startsWith("ssmrun: " + id + " Success exit=0 ")
        .contains("1 instance in ", "1 succeeded; failure policy held");
    assertThat(run.err().lines()).hasSize(2);
  }

  @Test
  void linePerSecond_twoInstances_stdoutAndStderrEachLineExactlyOnce() {
    services = new EmulatorServices(2);

    CliRun run = CliRun.of(services, "run", "--local", "--follow", "--", LINE_PER_SECOND);

    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String id : services.emulator.instanceIds()) {
      assertThat(run.out().lines().filter(l -> l.startsWith(id + ": ")))
          .containsExactly(id + ": out 1", id + ": out 2", id + ": out 3");
      assertThat(run.err().lines().filter(l -> l.startsWith(id + ": ")))
          .containsExactly(id + ": err 1", id + ": err 2", id + ": err 3");
      assertThat(run.err()).containsOnlyOnce("ssmrun: " + id + " Success exit=0");
    }
    assertThat(services.emulator.state().callCount("FilterLogEvents")).isGreaterThan(1);
  }

  @Test
  void jsonLines_outputEventsBeforeTheirInvocation_concatenatingToItsOutput() {
    services = new EmulatorServices(2);

    CliRun run = CliRun.of(services, "run", "--local", "-F", "-o", "jsonl", "--", LINE_PER_SECOND);

    List<JsonNode> events = run.out().lines().map(StatusIT::parse).toList();
    assertThat(run.exitCode()).isZero();
    assertThat(events.get(0).get("type").asText()).isEqualTo("sent");
    assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("summary");
    Map<String, StringBuilder> streamed = new HashMap<>();
    int invocations = 0;
    for (JsonNode event : events.subList(1, events.size() - 1)) {
      String instance = event.get("instanceId").asText();
      if (event.get("type").asText().equals("output")) {
        assertThat(event.get("commandId").asText())
            .isEqualTo(events.get(0).get("commandIds").get(0).asText());
        streamed
            .computeIfAbsent(
                instance + "/" + event.get("stream").asText(), k -> new StringBuilder())
            .append(event.get("text").asText());
      } else {
        assertThat(event.get("type").asText()).isEqualTo("invocation");
        invocations++;
        // Everything streamed for this instance came before it ended, and adds up to its output.
        assertThat(streamed.get(instance + "/stdout")).hasToString(event.get("stdout").asText());
        assertThat(streamed.get(instance + "/stderr")).hasToString(event.get("stderr").asText());
        assertThat(event.get("stdout").asText()).isEqualTo("out 1\nout 2\nout 3\n");
      }
    }
    assertThat(invocations).isEqualTo(2);
    assertThat(events.stream().filter(e -> e.get("type").asText().equals("output")).count())
        .isGreaterThan(2);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void quiet_oneInstance_exactlyItsBytes_asTheyCome() {
    services = new EmulatorServices(1);

    CliRun run =
        CliRun.of(services, "run", "--local", "-q", "-F", "--", "echo a; sleep 1; printf 'b\\nc'");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("a\nb\nc");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void logGroup_theOutputGoesThere_andIsFollowedFromThere() {
    services = new EmulatorServices(1);
    AgainstEndpoint emu = new AgainstEndpoint(services);

    CliRun run =
        emu.run("run", "-F", "-t", "Role=web", "--log-group", "/ssmrun/it", "--", "echo hi");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(emu.ids().get(0) + ": hi\n");
    try (CloudWatchLogsClient logs = services.emulator.newLogsClient()) {
      assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ssmrun/it")).logGroups())
          .singleElement()
          .satisfies(g -> assertThat(g.logGroupName()).isEqualTo("/ssmrun/it"));
    }
  }

  @Test
  void endpointUrl_coversLogs_logsEndpointUrl_overridesIt() {
    services = new EmulatorServices(1);
    String endpoint = services.emulator.endpoint().toString();
    String instance = services.emulator.instanceIds().get(0);
    try (AgainstEndpoint other = new AgainstEndpoint(1)) {
      String otherEndpoint = other.emulator.endpoint().toString();

      CliRun same =
          CliRun.of(
              services,
              "run",
              "--endpoint-url",
              endpoint,
              "-F",
              "-i",
              instance,
              "--",
              "sleep 2; echo a");
      long sameCalls = services.emulator.state().callCount("FilterLogEvents");
      CliRun elsewhere =
          CliRun.of(
              services,
              "run",
              "--endpoint-url",
              endpoint,
              "--logs-endpoint-url",
              otherEndpoint,
              "-F",
              "-i",
              instance,
              "--",
              "sleep 2; echo b");

      assertThat(same.out()).isEqualTo(instance + ": a\n");
      assertThat(sameCalls).isPositive();
      // The other endpoint has no such log group: no live lines, the output comes at the end.
      assertThat(elsewhere.exitCode()).isZero();
      assertThat(elsewhere.out()).isEqualTo(instance + ": b\n");
      assertThat(other.emulator.state().callCount("FilterLogEvents")).isPositive();
      assertThat(services.emulator.state().callCount("FilterLogEvents")).isEqualTo(sameCalls);
    }
  }
}
