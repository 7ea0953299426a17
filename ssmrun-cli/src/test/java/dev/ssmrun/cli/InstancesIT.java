package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ssmrun instances} in-process against an emulator: table, filters, JSON, paging. */
class InstancesIT {
  private EmulatorServices services;

  @AfterEach
  void closeEmulator() {
    services.emulator.close();
  }

  @Test
  void table_everyInstance_alignedColumns() {
    services = new EmulatorServices(2);

    CliRun run = CliRun.of(services, "instances", "--local");

    List<String> ids = services.emulator.instanceIds();
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).matches("INSTANCE ID +NAME +PING +PLATFORM +AGENT +IP");
    assertThat(lines).hasSize(3);
    for (int n = 0; n < 2; n++) {
      assertThat(lines.get(n + 1))
          .startsWith(ids.get(n) + "  local-" + (n + 1))
          .contains("  Online  ", "127.0.0.1");
      assertThat(lines.get(n + 1).indexOf("Online")).isEqualTo(lines.get(0).indexOf("PING"));
    }
  }

  @Test
  void tagAndOnlineFilters_pagedOverSixtyInstances_jsonLines() throws Exception {
    services = new EmulatorServices(60);
    services.emulator.takeOffline(services.emulator.instanceIds().get(0));

    CliRun run =
        CliRun.of(services, "instances", "--local", "-t", "Role=web", "--online", "-o", "jsonl");

    List<JsonNode> lines = run.out().lines().map(InstancesIT::parse).toList();
    assertThat(run.exitCode()).isZero();
    assertThat(lines).hasSize(29); // 30 odd instances are web, one of them offline
    assertThat(lines).allMatch(l -> l.get("type").asText().equals("instance"));
    assertThat(lines).allMatch(l -> l.get("pingStatus").asText().equals("Online"));
    assertThat(services.emulator.state().callCount("DescribeInstanceInformation"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void json_oneDocument_withTheFieldsOfTheTable() throws Exception {
    services = new EmulatorServices(1);

    CliRun run = CliRun.of(services, "instances", "--local", "-o", "json");

    JsonNode instance = new ObjectMapper().readTree(run.out()).get("instances").get(0);
    assertThat(instance.get("instanceId").asText())
        .isEqualTo(services.emulator.instanceIds().get(0));
    assertThat(instance.get("name").asText()).isEqualTo("local-1");
    assertThat(instance.get("platformType").asText()).isEqualTo("Linux");
    assertThat(instance.get("agentVersion").asText()).isNotEmpty();
    assertThat(instance.get("ipAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void nothingMatches_emptyTable_saidOnStderr_exit0() {
    services = new EmulatorServices(1);

    CliRun run = CliRun.of(services, "instances", "--local", "-t", "Role=nothing");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.err()).isEqualTo("ssmrun: no managed instance matched\n");
  }

  private static JsonNode parse(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
