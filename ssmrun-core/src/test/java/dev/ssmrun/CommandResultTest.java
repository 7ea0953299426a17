package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one verdict: success exactly when the policy holds, and the exit code derived from it. */
class CommandResultTest {
  private static InvocationResult inv(int n, Outcome outcome, int exitCode) {
    return InvocationResult.builder()
        .commandId("c")
        .instanceId(String.format("i-%017d", n))
        .status(outcome == Outcome.SUCCESS ? "Success" : "Failed")
        .outcome(outcome)
        .exitCode(exitCode)
        .build();
  }

  private static CommandResult result(FailurePolicy policy, InvocationResult... invocations) {
    return CommandResult.builder().invocations(List.of(invocations)).failurePolicy(policy).build();
  }

  @Test
  void exitCode_singleInstance_passesItsCodeThrough() {
    assertThat(result(FailurePolicy.none(), inv(1, Outcome.FAILED, 3)).exitCode()).isEqualTo(3);
    assertThat(result(FailurePolicy.none(), inv(1, Outcome.SUCCESS, 0)).exitCode()).isZero();
  }

  @Test
  void exitCode_policyHolds_isZeroEvenIfEveryInstanceFailedAlike() {
    CommandResult r =
        result(
            FailurePolicy.fraction(1.0),
            inv(1, Outcome.FAILED, 4),
            inv(2, Outcome.FAILED, 4),
            inv(3, Outcome.FAILED, 4));
    assertThat(r.isSuccessful()).isTrue();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void exitCode_policyBroken_commonCodeOfTheFailedElseOne() {
    assertThat(
            result(
                    FailurePolicy.none(),
                    inv(1, Outcome.SUCCESS, 0),
                    inv(2, Outcome.FAILED, 3),
                    inv(3, Outcome.FAILED, 3))
                .exitCode())
        .isEqualTo(3);
    assertThat(
            result(FailurePolicy.none(), inv(1, Outcome.FAILED, 3), inv(2, Outcome.FAILED, 5))
                .exitCode())
        .isEqualTo(1);
    assertThat(
            result(FailurePolicy.none(), inv(1, Outcome.FAILED, 3), inv(2, Outcome.TIMED_OUT, -1))
                .exitCode())
        .isEqualTo(1);
  }

  @Test
  void exitCode_deadlineAndNowhere() {
    CommandResult late =
        result(FailurePolicy.none(), inv(1, Outcome.CANCELLED_BY_CLIENT, -1)).toBuilder()
            .deadlineExceeded(true)
            .build();
    assertThat(late.exitCode()).isEqualTo(CommandResult.EXIT_DEADLINE);
    CommandResult nowhere =
        result(
            FailurePolicy.none(),
            inv(1, Outcome.NOT_DELIVERED, -1),
            inv(2, Outcome.NOT_DELIVERED, -1));
    assertThat(nowhere.exitCode()).isEqualTo(CommandResult.EXIT_NOT_RUN);
  }

  @Test
  void builder_refusesUnfinishedInvocations() {
    assertThatThrownBy(() -> result(FailurePolicy.none(), inv(1, Outcome.UNFINISHED, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exitCode_matchesIsSuccessfulForEveryMix() {
    Outcome[] outcomes = {Outcome.SUCCESS, Outcome.FAILED, Outcome.NOT_DELIVERED};
    for (int mask = 0; mask < 27; mask++) {
      List<InvocationResult> mix = new ArrayList<>();
      for (int i = 0, m = mask; i < 3; i++, m /= 3) {
        mix.add(inv(i + 1, outcomes[m % 3], m % 3 == 1 ? 2 : -1));
      }
      for (FailurePolicy p : List.of(FailurePolicy.none(), FailurePolicy.atMost(1))) {
        CommandResult r = result(p, mix.toArray(InvocationResult[]::new));
        assertThat(r.exitCode() == 0).as(mix + " " + p).isEqualTo(r.isSuccessful());
      }
    }
  }
}
