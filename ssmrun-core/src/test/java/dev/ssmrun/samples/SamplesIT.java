package dev.ssmrun.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplesIT {
  private static SsmEmulator emu;
  private static SsmRunner runner;
  private static List<String> ids;

  @BeforeAll
  static void start() {
    emu = SsmEmulator.builder().instances(3).visibilityDelay(Duration.ofMillis(50)).start();
    runner = dev.ssmrun.Emulators.runner(emu);
    ids = emu.instanceIds();
  }

  @AfterAll
  static void stop() {
    runner.close();
    emu.close();
  }

  @Test
  void runOnce() {
    assertThat(Samples.runOnce(runner, ids.get(0))).isEqualTo(3);
  }

  @Test
  void argvAndEnvironment() {
    assertThat(Samples.argvAndEnvironment(runner, ids.get(0))).isEqualTo("it's and $GREETING");
  }

  @Test
  void rollingRestart() {
    assertThat(Samples.rollingRestart(runner)).isTrue();
  }

  @Test
  void requireSuccess() {
    assertThat(Samples.requireSuccess(runner, ids))
        .contains("exit code 28")
        .contains("disk full")
        .contains(ids.get(2));
  }

  @Test
  void watchAndCancel() {
    CommandResult result = Samples.watchAndCancel(runner, ids);
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
  }

  @Test
  void manyAtOnce() {
    assertThat(Samples.manyAtOnce(runner, ids)).hasSize(3).allMatch(CommandResult::isSuccessful);
  }
}
