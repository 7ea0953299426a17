package dev.ssmrun.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.FailurePolicy;
import dev.ssmrun.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaxErrorsTest {
  private static List<String> fleet(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(String.format("i-%017d", i));
    }
    return ids;
  }

  private static RunRequest.Builder byIds(int n, FailurePolicy policy) {
    return RunRequest.builder().script("x").instanceIds(fleet(n)).failurePolicy(policy);
  }

  private static RunRequest.Builder byTags(FailurePolicy policy) {
    return RunRequest.builder().script("x").addTarget("Env", List.of("dev")).failurePolicy(policy);
  }

  @Test
  void of_followsThePolicy() {
    assertThat(MaxErrors.of(byIds(70, FailurePolicy.none()).build())).isEmpty();
    assertThat(MaxErrors.of(byIds(70, FailurePolicy.atMost(3)).build())).hasValue("3");
    assertThat(MaxErrors.of(byIds(70, FailurePolicy.fraction(0.15)).build())).hasValue("10");
    assertThat(MaxErrors.of(byIds(5, FailurePolicy.fraction(0.15)).build())).isEmpty();
    assertThat(MaxErrors.of(byTags(FailurePolicy.fraction(0.15)).build())).hasValue("15%");
    assertThat(MaxErrors.of(byTags(FailurePolicy.fraction(0.125)).build())).hasValue("13%");
    assertThat(MaxErrors.of(byTags(FailurePolicy.atMost(4)).build())).hasValue("4");
    assertThat(MaxErrors.of(byIds(70, FailurePolicy.allowInstances(fleet(2))).build()))
        .hasValue("2");
  }

  @Test
  void of_givenValue_isSentAsIs() {
    assertThat(MaxErrors.of(byIds(70, FailurePolicy.fraction(0.15)).maxErrors("0").build()))
        .hasValue("0");
  }

  @Test
  void warning_onlyWhenTheGivenValueIsStricterThanThePolicy() {
    assertThat(MaxErrors.warning(byIds(70, FailurePolicy.fraction(0.15)).maxErrors("0").build()))
        .hasValueSatisfying(w -> assertThat(w).contains("MaxErrors 0").contains("10 of 70"));
    assertThat(MaxErrors.warning(byIds(70, FailurePolicy.fraction(0.15)).maxErrors("12").build()))
        .isEmpty();
    assertThat(MaxErrors.warning(byIds(70, FailurePolicy.fraction(0.15)).maxErrors("10%").build()))
        .isPresent(); // 10% of 70 is 7, fewer than the 10 the policy allows.
    assertThat(MaxErrors.warning(byTags(FailurePolicy.fraction(0.15)).maxErrors("5%").build()))
        .isPresent();
    assertThat(MaxErrors.warning(byTags(FailurePolicy.fraction(0.15)).maxErrors("3").build()))
        .isEmpty(); // A count against a share of an unknown fleet: no claim either way.
    assertThat(MaxErrors.warning(byIds(3, FailurePolicy.none()).maxErrors("0").build()))
        .isEqualTo(Optional.empty());
  }
}
