package dev.ssmrun.cli;

import static dev.ssmrun.cli.TestResults.invocation;
import static dev.ssmrun.cli.TestResults.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  @Test
  void of_singleInstance_passesItsCodeThrough() {
    assertThat(ExitCodes.of(result(FailurePolicy.none(), invocation("i-1", 7)))).isEqualTo(7);
  }

  @Test
  void of_allAgree_returnsTheCommonCode() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 3), invocation("i-2", 3));
    assertThat(ExitCodes.of(r)).isEqualTo(3);
  }

  @Test
  void of_policyBroken_returnsTheFailedInstancesCommonCode() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 0), invocation("i-2", 9));
    assertThat(ExitCodes.of(r)).isEqualTo(9);
  }

  @Test
  void of_failedDisagreeAndPolicyBroken_returns1() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 4), invocation("i-2", 9));
    assertThat(ExitCodes.of(r)).isEqualTo(1);
  }

  @Test
  void of_allFailedAlikeButPolicyHolds_returns0LikeTheJson() {
    CommandResult r =
        result(
            FailurePolicy.fraction(1),
            invocation("i-1", 4),
            invocation("i-2", 4),
            invocation("i-3", 4));
    assertThat(r.isSuccessful()).isTrue();
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_disagreeButPolicyHolds_returns0() {
    CommandResult r = result(FailurePolicy.atMost(1), invocation("i-1", 0), invocation("i-2", 9));
    assertThat(ExitCodes.of(r)).isZero();
  }

  @Test
  void of_neverRan_minusOneIsNotAnExitStatus_returns1() {
    assertThat(ExitCodes.of(result(FailurePolicy.none(), invocation("i-1", -1)))).isEqualTo(1);
  }

  @Test
  void of_windowsCodeAbove255_returns1() {
    assertThat(ExitCodes.of(result(FailurePolicy.none(), invocation("i-1", 3010)))).isEqualTo(1);
  }

  @Test
  void of_deadlineExceeded_returns124() {
    CommandResult r =
        result(FailurePolicy.none(), invocation("i-1", 0)).toBuilder()
            .deadlineExceeded(true)
            .build();
    assertThat(ExitCodes.of(r)).isEqualTo(124);
  }
}
