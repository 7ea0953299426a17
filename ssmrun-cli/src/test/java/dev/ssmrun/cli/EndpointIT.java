package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Commands against an emulator started separately ({@code --endpoint-url}), in-process. */
@Execution(ExecutionMode.CONCURRENT)
class EndpointIT {
  private final EmulatorServices services = new EmulatorServices(2);

  @AfterEach
  void close() {
    services.emulator.close();
  }

  private String endpoint() {
    return services.emulator.endpoint().toString();
  }

  @Test
  void noWait_printsTheCommandIdOnly_exit0_theCommandRunsOn() throws Exception {
    String id = services.emulator.instanceIds().get(0);

    CliRun run =
        CliRun.of(
            services, "run", "--endpoint-url", endpoint(), "--no-wait", "-i", id, "--", "sleep 1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("[0-9a-f-]{36}\n");
    assertThat(run.err()).isEmpty();
    String commandId = run.out().strip();
    assertThat(SentCommands.awaitEnded(services.emulator, commandId)).isEqualTo("Success");
  }

  @Test
  void noWait_jsonLines_oneSentObject() throws Exception {
    CliRun run =
        CliRun.of(
            services,
            "run",
            "--endpoint-url",
            endpoint(),
            "--no-wait",
            "-o",
            "jsonl",
            "-t",
            "Role=web",
            "--",
            "true");

    JsonNode sent = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    assertThat(sent.get("type").asText()).isEqualTo("sent");
    assertThat(sent.get("commandIds")).hasSize(1);
  }

  @Test
  void instances_againstTheEndpoint_listsItsInstances() {
    CliRun run = CliRun.of(services, "instances", "--endpoint-url", endpoint());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(3);
    services.emulator.instanceIds().forEach(id -> assertThat(run.out()).contains(id));
  }

  @Test
  void run_againstTheEndpoint_tagTargets() {
    CliRun run =
        CliRun.of(
            services, "run", "--endpoint-url", endpoint(), "-t", "Role=worker", "--", "echo w");

    List<String> ids = services.emulator.instanceIds();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(ids.get(1) + ": w\n");
  }
}
