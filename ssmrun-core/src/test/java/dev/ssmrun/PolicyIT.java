package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failure policies on a real fleet of four where exactly the first instance fails. */
class PolicyIT {
  private static SsmEmulator emu;
  private static SsmRunner runner;
  private static List<String> ids;

  @BeforeAll
  static void start() {
    emu = SsmEmulator.builder().instances(4).visibilityDelay(Duration.ofMillis(50)).start();
    runner = Emulators.runner(emu);
    ids = emu.instanceIds();
  }

  @AfterAll
  static void stop() {
    runner.close();
    emu.close();
  }

  private static CommandResult runFailingOnFirst(FailurePolicy policy) {
    return runner.run(
        RunRequest.builder()
            .instanceIds(ids)
            .failurePolicy(policy)
            .script("[ \"$AWS_SSM_INSTANCE_ID\" != " + ids.get(0) + " ] || exit 7")
            .build());
  }

  @Test
  void none_oneFailure_violated() {
    CommandResult result = runFailingOnFirst(FailurePolicy.none());

    assertThat(result.policySatisfied()).isFalse();
    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.FAILED, 1)
        .containsEntry(Outcome.SUCCESS, 3);
  }

  @Test
  void atMostOne_oneFailure_holds() {
    assertThat(runFailingOnFirst(FailurePolicy.atMost(1)).isSuccessful()).isTrue();
  }

  @Test
  void fraction_quarterAllowed_holds_tenthNot() {
    assertThat(runFailingOnFirst(FailurePolicy.fraction(0.25)).policySatisfied()).isTrue();
    assertThat(runFailingOnFirst(FailurePolicy.fraction(0.1)).policySatisfied()).isFalse();
  }

  @Test
  void allowInstances_onlyTheNamedMayFail() {
    assertThat(
            runFailingOnFirst(FailurePolicy.allowInstances(Set.of(ids.get(0)))).policySatisfied())
        .isTrue();
    assertThat(
            runFailingOnFirst(FailurePolicy.allowInstances(Set.of(ids.get(1)))).policySatisfied())
        .isFalse();
  }

  @Test
  void failFast_cancelsTheRestOnceViolated() {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .instanceIds(ids)
                .failFast(true)
                .script("[ \"$AWS_SSM_INSTANCE_ID\" != " + ids.get(0) + " ] || exit 7; sleep 30")
                .build());

    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.FAILED, 1)
        .containsEntry(Outcome.CANCELLED_BY_CLIENT, 3);
    assertThat(result.deadlineExceeded()).isFalse();
  }
}
