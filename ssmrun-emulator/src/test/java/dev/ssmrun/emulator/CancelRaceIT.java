package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * CancelCommand right after SendCommand, while the invocations are still being delivered: each ends
 * Cancelled, no process of the command survives (or starts later), and the counts agree; in a
 * sandbox and on the shared host.
 */
class CancelRaceIT {
  private static final int ROUNDS = 5;

  @RegisterExtension
  static final BothIsolations SSM =
      BothIsolations.create(
          () -> SsmEmulator.builder().instances(3).visibilityDelay(Duration.ZERO));

  private SsmEmulator emu;
  private SsmClient ssm;

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void cancelRightAfterSend_oneInstance_cancelledAndNoProcessAlive(Isolation isolation) {
    use(isolation);
    List<String> one = emu.instanceIds().subList(0, 1);
    for (int round = 0; round < ROUNDS; round++) {
      sendCancelAndCheck(one);
    }
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void cancelRightAfterSend_threeInstances_cancelledAndNoProcessAlive(Isolation isolation) {
    use(isolation);
    for (int round = 0; round < ROUNDS; round++) {
      sendCancelAndCheck(emu.instanceIds());
    }
  }

  private void use(Isolation isolation) {
    emu = SSM.emulator(isolation);
    ssm = SSM.ssm(isolation);
  }

  private void sendCancelAndCheck(List<String> ids) {
    int startsBefore = starts(ids);
    String commandId = Poll.send(ssm, ids, "sleep 30");
    ssm.cancelCommand(b -> b.commandId(commandId));

    int killed = 0;
    for (String id : ids) {
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
      assertThat(inv.statusAsString()).as(id).isEqualTo("Cancelled");
      // -1: cancelled before its process was spawned; 137: spawned, then its group killed.
      assertThat(inv.responseCode()).as(id).isIn(-1, 137);
      killed += inv.responseCode() == 137 ? 1 : 0;
    }
    assertThat(ssm.listCommands(b -> b.commandId(commandId)).commands().get(0).statusAsString())
        .isEqualTo("Cancelled");
    int started = starts(ids) - startsBefore;
    assertThat(started).as("process starts = invocations killed").isEqualTo(killed);
    // Nothing of the command is alive, and nothing starts late.
    Poll.holds(Duration.ofMillis(300), () -> Processes.ofCommand(commandId).isEmpty());
    assertThat(starts(ids) - startsBefore).isEqualTo(started);
    assertThat(emu.state().invocations()).doesNotContainKeys("Pending", "InProgress", "Cancelling");
  }

  private int starts(List<String> ids) {
    EmulatorState state = emu.state();
    return ids.stream().mapToInt(state::executionCount).sum();
  }
}
