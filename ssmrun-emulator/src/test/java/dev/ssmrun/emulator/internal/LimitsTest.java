package dev.ssmrun.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.internal.agent.AgentStatus;
import dev.ssmrun.emulator.internal.agent.RunningScript;
import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void concurrency_numberOrPercent_atLeastOne() {
    assertThat(Limits.concurrency("50", 3)).isEqualTo(50);
    assertThat(Limits.concurrency("50%", 3)).isEqualTo(2);
    assertThat(Limits.concurrency("1%", 3)).isEqualTo(1);
  }

  @Test
  void errors_numberOrPercent_roundedDown() {
    assertThat(Limits.errors("0", 10)).isZero();
    assertThat(Limits.errors("3", 10)).isEqualTo(3);
    assertThat(Limits.errors("25%", 10)).isEqualTo(2);
  }

  @Test
  void agentTimeout_outsideFiveTo172800_fallsBackTo3600() {
    assertThat(Limits.agentTimeout(4)).isEqualTo(3600);
    assertThat(Limits.agentTimeout(5)).isEqualTo(5);
    assertThat(Limits.agentTimeout(172_800)).isEqualTo(172_800);
  }

  @Test
  void agentStatus_exitCodes_mappedAsTheAgentDoes() {
    assertThat(AgentStatus.of(RunningScript.Outcome.EXITED, 0))
        .containsExactly("Success", "Success");
    assertThat(AgentStatus.of(RunningScript.Outcome.EXITED, 168))
        .containsExactly("Success", "Success");
    assertThat(AgentStatus.of(RunningScript.Outcome.EXITED, 169))
        .containsExactly("Failed", "Failed");
    assertThat(AgentStatus.of(RunningScript.Outcome.EXITED, 137))
        .containsExactly("TimedOut", "ExecutionTimedOut");
    assertThat(AgentStatus.of(RunningScript.Outcome.CANCELLED, 137))
        .containsExactly("Cancelled", "Cancelled");
    assertThat(AgentStatus.responseCode(RunningScript.Outcome.TIMED_OUT, -1, false)).isEqualTo(137);
    assertThat(AgentStatus.responseCode(RunningScript.Outcome.CANCELLED, -1, true))
        .as("Windows: stopped preemptively is -1")
        .isEqualTo(-1);
    assertThat(AgentStatus.responseCode(RunningScript.Outcome.NOT_STARTED, 0, false)).isEqualTo(-1);
    assertThat(AgentStatus.responseCode(RunningScript.Outcome.EXITED, 3, true)).isEqualTo(3);
  }
}
