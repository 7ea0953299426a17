package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One command end to end through the emulator: exit codes, output, scripts, quoting. */
class RunIT {
  private static SsmEmulator emu;
  private static SsmRunner runner;

  @BeforeAll
  static void start() {
    emu = SsmEmulator.builder().instances(3).visibilityDelay(Duration.ofMillis(50)).start();
    runner = Emulators.runner(emu);
  }

  @AfterAll
  static void stop() {
    runner.close();
    emu.close();
  }

  private static RunRequest.Builder onFirst() {
    return RunRequest.builder().addInstanceId(emu.instanceIds().get(0));
  }

  @Test
  void run_echoAndExit3_returnsStdoutAndExitCode() {
    CommandResult result =
        runner.run(onFirst().script("echo hello from $AWS_SSM_INSTANCE_ID; exit 3").build());

    InvocationResult only = result.invocations().get(0);
    assertThat(only.exitCode()).isEqualTo(3);
    assertThat(only.stdout()).isEqualTo("hello from " + emu.instanceIds().get(0) + "\n");
    assertThat(only.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(only.status()).isEqualTo("Failed");
    assertThat(result.isSuccessful()).isFalse();
  }

  @Test
  void run_stderr_isSeparateFromStdout() {
    InvocationResult only =
        runner.run(onFirst().script("echo out; echo err >&2").build()).invocations().get(0);

    assertThat(only.stdout()).isEqualTo("out\n");
    assertThat(only.stderr()).isEqualTo("err\n");
    assertThat(only.exitCode()).isZero();
    assertThat(only.startTime()).isPresent();
  }

  @Test
  void run_multiLineScriptWithFailingLine_strictModeFailsIt() {
    String script = "false\necho still here";

    InvocationResult strict = runner.run(onFirst().script(script).build()).invocations().get(0);
    InvocationResult lax =
        runner.run(onFirst().script(script).strictMode(false).build()).invocations().get(0);

    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.stdout()).isEmpty();
    assertThat(lax.exitCode()).isZero();
    assertThat(lax.stdout()).isEqualTo("still here\n");
  }

  @Test
  void run_argvAndEnvironmentWithShellCharacters_arriveUnchanged() {
    String nasty = "it's $HOME `id` \"q\" ; rm -rf / \\ * \n second line";
    CommandResult result =
        runner.run(
            onFirst()
                .command("printf", "[%s][%s]", nasty, "$VALUE")
                .putEnvironment("VALUE", nasty)
                .build());
    CommandResult env =
        runner.run(onFirst().script("printf %s \"$VALUE\"").putEnvironment("VALUE", nasty).build());

    assertThat(result.invocations().get(0).stdout()).isEqualTo("[" + nasty + "][$VALUE]");
    assertThat(env.invocations().get(0).stdout()).isEqualTo(nasty);
  }

  @Test
  void run_workingDirectory_startsThere() {
    InvocationResult only =
        runner.run(onFirst().script("pwd").workingDirectory("/tmp").build()).invocations().get(0);

    assertThat(only.stdout()).isEqualTo("/tmp\n");
  }

  @Test
  void run_allInstances_returnsOneResultEach() {
    CommandResult result =
        runner.run(RunRequest.builder().script("echo ok").instanceIds(emu.instanceIds()).build());

    assertThat(result.invocations())
        .extracting(InvocationResult::instanceId)
        .containsExactlyElementsOf(emu.instanceIds().stream().sorted().toList());
    assertThat(result.invocations()).extracting(InvocationResult::stdout).containsOnly("ok\n");
    assertThat(result.isSuccessful()).isTrue();
    assertThat(result.requireSuccess()).isSameAs(result);
    assertThat(result.countsByOutcome()).containsEntry(Outcome.SUCCESS, 3);
  }

  @Test
  void run_tagTarget_runsOnMatchingInstancesOnly() {
    CommandResult result =
        runner.run(
            RunRequest.builder().script("echo web").addTarget("Role", List.of("web")).build());

    assertThat(result.invocations())
        .extracting(InvocationResult::instanceId)
        .containsExactlyInAnyOrder(emu.instanceIds().get(0), emu.instanceIds().get(2));
    assertThat(result.isSuccessful()).isTrue();
  }
}
