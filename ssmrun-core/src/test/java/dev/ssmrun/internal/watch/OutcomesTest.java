package dev.ssmrun.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomesTest {
  @ParameterizedTest
  @CsvSource({
    "Success, Success, false, SUCCESS",
    "Failed, Failed, false, FAILED",
    "TimedOut, ExecutionTimedOut, false, TIMED_OUT",
    "TimedOut, DeliveryTimedOut, false, NOT_DELIVERED",
    "Failed, Undeliverable, false, NOT_DELIVERED",
    "Failed, InvalidPlatform, false, NOT_DELIVERED",
    "Failed, AccessDenied, false, NOT_DELIVERED",
    "Cancelled, Cancelled, false, CANCELLED",
    "Cancelled, Cancelled, true, CANCELLED_BY_CLIENT",
    "Cancelled, Terminated, false, CANCELLED",
    "Failed, Terminated, false, CANCELLED",
  })
  void classify_mapsStatusAndDetails(String status, String details, boolean ours, Outcome want) {
    assertThat(Outcomes.classify(status, details, ours)).isEqualTo(want);
  }

  @Test
  void isTerminal_onlyForFinalStatuses() {
    assertThat(Outcomes.isTerminal("Success")).isTrue();
    assertThat(Outcomes.isTerminal("TimedOut")).isTrue();
    assertThat(Outcomes.isTerminal("InProgress")).isFalse();
    assertThat(Outcomes.isTerminal("Cancelling")).isFalse();
    assertThat(Outcomes.isTerminal("Delayed")).isFalse();
  }
}
