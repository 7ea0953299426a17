package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

class RunShellScriptIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(SsmEmulator.builder().visibilityDelay(Duration.ofMillis(20)));

  private final SsmEmulator emu = SSM.emulator();
  private final SsmClient ssm = SSM.ssm();

  @Test
  void sendCommand_scriptExitsThree_failedWithCodeThreeAndOutput() {
    String id = emu.instanceIds().get(0);
    String commandId =
        Poll.send(
            ssm, List.of(id), "echo hello from $AWS_SSM_INSTANCE_ID", "echo oops >&2", "exit 3");

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusAsString()).isEqualTo("Failed");
    assertThat(inv.statusDetails()).isEqualTo("Failed");
    assertThat(inv.responseCode()).isEqualTo(3);
    assertThat(inv.standardOutputContent()).isEqualTo("hello from " + id + "\n");
    assertThat(inv.standardErrorContent()).isEqualTo("oops\n");
    assertThat(inv.pluginName()).isEqualTo("aws:runShellScript");
    assertThat(inv.executionStartDateTime()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
  }

  @Test
  void sendCommand_threeInstances_eachRunsOnceWithItsEnvironment() {
    List<String> ids = emu.instanceIds();
    String commandId =
        Poll.send(
            ssm,
            ids,
            "echo $AWS_SSM_INSTANCE_ID $AWS_SSM_REGION_NAME $SSM_COMMAND_ID $AWS_SSM_PLATFORM_NAME");

    for (String id : ids) {
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
      assertThat(inv.statusAsString()).isEqualTo("Success");
      assertThat(inv.responseCode()).isZero();
      assertThat(inv.standardOutputContent())
          .isEqualTo(id + " us-east-1 " + commandId + " Amazon Linux\n");
    }
    assertThat(emu.state().executions()).containsOnlyKeys(ids);
  }

  @Test
  void sdkWaiter_invisibleAtFirstThenSuccess_waiterSucceeds() {
    String id = emu.instanceIds().get(1);
    String commandId = Poll.send(ssm, List.of(id), "echo waited");

    try (SsmWaiter waiter =
        SsmWaiter.builder()
            .client(ssm)
            .overrideConfiguration(
                o ->
                    o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(20)))
                        .maxAttempts(500))
            .build()) {
      WaiterResponse<GetCommandInvocationResponse> done =
          waiter.waitUntilCommandExecuted(b -> b.commandId(commandId).instanceId(id));

      assertThat(done.matched().response())
          .hasValueSatisfying(r -> assertThat(r.standardOutputContent()).isEqualTo("waited\n"));
    }
  }

  @Test
  void sendCommand_manyCommandsInParallel_everyScriptRunsOnce() {
    List<String> ids = emu.instanceIds();
    Map<String, Integer> before = emu.state().executions();
    List<String> commandIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      commandIds.add(Poll.send(ssm, ids, "echo run " + i));
    }

    for (int i = 0; i < commandIds.size(); i++) {
      for (String id : ids) {
        GetCommandInvocationResponse inv = Poll.terminal(ssm, commandIds.get(i), id);
        assertThat(inv.statusAsString()).as(inv.standardErrorContent()).isEqualTo("Success");
        assertThat(inv.standardOutputContent()).isEqualTo("run " + i + "\n");
      }
    }
    for (String id : ids) {
      assertThat(emu.state().executionCount(id) - before.getOrDefault(id, 0)).isEqualTo(8);
    }
  }
}
