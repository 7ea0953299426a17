package dev.ssmrun.cli;

import static dev.ssmrun.cli.TestResults.invocation;
import static dev.ssmrun.cli.TestResults.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  @Test
  void of_singleInstanceFails_passesItsCodeThrough() {
    assertThat(ExitCodes.of(result(FailurePolicy.none(), invocation("i-1", 7)))).isEqualTo(7);
  }

  @Test
  void of_allSucceed_returns0() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 0), invocation("i-2", 0));
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_policyBroken_failedInstancesAgree_returnsTheirCode() {
    CommandResult r =
        result(
            FailurePolicy.none(), invocation("i-1", 0), invocation("i-2", 3), invocation("i-3", 3));
    assertThat(ExitCodes.of(r)).isEqualTo(3);
  }

  @Test
  void of_policyBroken_failedInstancesDisagree_returns1() {
    CommandResult r =
        result(
            FailurePolicy.none(), invocation("i-1", 0), invocation("i-2", 9), invocation("i-3", 4));
    assertThat(ExitCodes.of(r)).isEqualTo(1);
  }

  @Test
  void of_policyHolds_returns0_evenWhenEveryInstanceFailedAlike() {
    CommandResult r =
        result(
            FailurePolicy.fraction(1.0),
            invocation("i-1", 4),
            invocation("i-2", 4),
            invocation("i-3", 4));
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_disagreeButPolicyHolds_returns0() {
    CommandResult r = result(FailurePolicy.atMost(1), invocation("i-1", 0), invocation("i-2", 9));
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_failedWithoutExitStatus_returns1() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 0), cancelled("i-2", -1));
    assertThat(ExitCodes.of(r)).isEqualTo(1);
  }

  @Test
  void of_windowsCodeAbove255_returns1() {
    assertThat(ExitCodes.of(result(FailurePolicy.none(), invocation("i-1", 3010)))).isEqualTo(1);
  }

  @Test
  void of_everyInstanceNotDelivered_returns255() {
    CommandResult r = result(FailurePolicy.none(), notDelivered("i-1"), notDelivered("i-2"));
    assertThat(ExitCodes.of(r)).isEqualTo(255);
  }

  @Test
  void of_someNotDelivered_othersRan_followsThePolicy() {
    CommandResult r = result(FailurePolicy.atMost(1), notDelivered("i-1"), invocation("i-2", 0));
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_deadlineExceeded_returns124() {
    CommandResult r =
        result(FailurePolicy.none(), invocation("i-1", 0)).toBuilder()
            .deadlineExceeded(true)
            .build();
    assertThat(ExitCodes.of(r)).isEqualTo(124);
  }

  private static InvocationResult notDelivered(String id) {
    return invocation(id, -1).toBuilder()
        .status("TimedOut")
        .statusDetails("DeliveryTimedOut")
        .outcome(Outcome.NOT_DELIVERED)
        .build();
  }

  private static InvocationResult cancelled(String id, int code) {
    return invocation(id, code).toBuilder()
        .status("Cancelled")
        .statusDetails("Cancelled")
        .outcome(Outcome.CANCELLED_BY_CLIENT)
        .build();
  }
}
