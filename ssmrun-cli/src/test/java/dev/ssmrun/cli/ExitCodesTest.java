package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  private static InvocationResult invocation(String id, int code) {
    Outcome outcome = code == 0 ? Outcome.SUCCESS : Outcome.FAILED;
    return InvocationResult.builder()
        .commandId("00000000-0000-0000-0000-000000000000")
        .instanceId(id)
        .status(code == 0 ? "Success" : "Failed")
        .statusDetails(code == 0 ? "Success" : "Failed")
        .exitCode(code)
        .outcome(outcome)
        .build();
  }

  private static CommandResult result(FailurePolicy policy, InvocationResult... invocations) {
    return CommandResult.builder()
        .commandIds(java.util.List.of("00000000-0000-0000-0000-000000000000"))
        .invocations(Arrays.asList(invocations))
        .failurePolicy(policy)
        .build();
  }

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
  void of_disagreeAndPolicyBroken_returns1() {
    CommandResult r = result(FailurePolicy.none(), invocation("i-1", 0), invocation("i-2", 9));
    assertThat(ExitCodes.of(r)).isEqualTo(1);
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
        result(FailurePolicy.none(), invocation("i-1", 0)).toBuilder().deadlineExceeded(true).build();
    assertThat(ExitCodes.of(r)).isEqualTo(124);
  }
}
