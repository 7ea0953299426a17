package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  @Test
  void none_allowsNoFailure() {
    assertThat(FailurePolicy.none().allows(10, List.of())).isTrue();
    assertThat(FailurePolicy.none().allows(10, List.of("i-1"))).isFalse();
  }

  @Test
  void atMost_countsFailures() {
    assertThat(FailurePolicy.atMost(2).allows(3, List.of("a", "b"))).isTrue();
    assertThat(FailurePolicy.atMost(2).allows(3, List.of("a", "b", "c"))).isFalse();
  }

  @Test
  void fraction_roundsDown() {
    assertThat(FailurePolicy.fraction(0.1).allows(19, List.of("a"))).isTrue();
    assertThat(FailurePolicy.fraction(0.1).allows(9, List.of("a"))).isFalse();
    assertThat(FailurePolicy.fraction(0.1).allows(20, List.of("a", "b"))).isTrue();
  }

  @Test
  void allowInstances_onlyNamed() {
    FailurePolicy p = FailurePolicy.allowInstances(Set.of("a", "b"));
    assertThat(p.allows(5, List.of("a", "b"))).isTrue();
    assertThat(p.allows(5, List.of("c"))).isFalse();
  }

  @Test
  void factories_rejectBadArguments() {
    assertThatThrownBy(() -> FailurePolicy.atMost(-1)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> FailurePolicy.fraction(1.5)).hasMessageContaining("0.1 for 10%");
    assertThatThrownBy(() -> FailurePolicy.allowInstances(Set.of()))
        .hasMessageContaining("at least one");
  }

  @Test
  void equalsAndToString() {
    assertThat(FailurePolicy.atMost(2))
        .isEqualTo(FailurePolicy.atMost(2))
        .hasSameHashCodeAs(FailurePolicy.atMost(2))
        .isNotEqualTo(FailurePolicy.atMost(3));
    assertThat(FailurePolicy.none()).hasToString("FailurePolicy.none()");
  }
}
