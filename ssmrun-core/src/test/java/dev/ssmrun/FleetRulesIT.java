package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The fleet rules of issue 8 against the emulator: MaxErrors, the exit codes, tags, deadlines. */
class FleetRulesIT {
  private static SsmEmulator emulator(int instances) {
    return SsmEmulator.builder()
        .instances(instances)
        .addTag("Env", "dev")
        .visibilityDelay(Duration.ofMillis(50))
        .start();
  }

  /** A script that exits {@code code} on {@code failing} instances and 0 elsewhere. */
  private static String failOn(List<String> failing, int code) {
    return "case \"$AWS_SSM_INSTANCE_ID\" in "
        + String.join("|", failing)
        + ") exit "
        + code
        + ";; esac";
  }

  @Test
  void tagTargets_seventyInstancesFifteenPercentAllowed_allRunAndEightFailuresAreFine() {
    try (SsmEmulator emu = emulator(70);
        SsmRunner runner = Emulators.runner(emu)) {
      List<String> failing = emu.instanceIds().subList(0, 8);

      CommandResult result =
          runner.run(
              RunRequest.builder()
                  .script(failOn(failing, 3))
                  .addTarget("Env", List.of("dev"))
                  .failurePolicy(FailurePolicy.fraction(0.15))
                  .build());

      assertThat(result.invocations()).hasSize(70);
      assertThat(result.countsByOutcome())
          .containsEntry(Outcome.SUCCESS, 62)
          .containsEntry(Outcome.FAILED, 8);
      assertThat(result.isSuccessful()).isTrue();
      assertThat(result.exitCode()).isZero();
      assertThat(emu.state().recordedCalls())
          .filteredOn(c -> c.operation().equals("SendCommand"))
          .singleElement()
          .satisfies(c -> assertThat(c.requestBody()).contains("\"MaxErrors\":\"15%\""));
    }
  }

  @Test
  void exitCodes_oneRuleForEveryMix() {
    try (SsmEmulator emu = emulator(3);
        SsmRunner runner = Emulators.runner(emu)) {
      List<String> ids = emu.instanceIds();
      RunRequest.Builder all = RunRequest.builder().instanceIds(ids);

      assertThat(runner.run(all.script("exit 4").build()).exitCode()).isEqualTo(4);
      CommandResult allowed =
          runner.run(all.script("exit 4").failurePolicy(FailurePolicy.fraction(1)).build());
      assertThat(allowed.isSuccessful()).isTrue();
      assertThat(allowed.exitCode()).isZero();
      assertThat(
              runner
                  .run(
                      all.script(failOn(ids.subList(0, 1), 3) + "; exit 5")
                          .failurePolicy(FailurePolicy.none())
                          .build())
                  .exitCode())
          .isEqualTo(1);
      CommandResult single =
          runner.run(RunRequest.builder().addInstanceId(ids.get(0)).script("exit 7").build());
      assertThat(single.exitCode()).isEqualTo(7);
    }
  }

  @Test
  void exitCode_noInstanceReachable_is255() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(0)
                .addInstance(InstanceSpec.builder().online(false).build())
                .addInstance(InstanceSpec.builder().online(false).build())
                .start();
        SsmRunner runner = Emulators.runner(emu)) {
      CommandResult result =
          runner.run(RunRequest.builder().instanceIds(emu.instanceIds()).script("true").build());

      assertThat(result.invocations())
          .extracting(InvocationResult::outcome)
          .containsOnly(Outcome.NOT_DELIVERED);
      assertThat(result.exitCode()).isEqualTo(CommandResult.EXIT_NOT_RUN);
    }
  }

  @Test
  void tagMatchingNothing_isReportedAtOnce() {
    try (SsmEmulator emu = emulator(2);
        SsmRunner runner = Emulators.runner(emu)) {
      long start = System.nanoTime();

      assertThatThrownBy(
              () ->
                  runner.run(
                      RunRequest.builder()
                          .script("true")
                          .addTarget("Role", List.of("nothing-has-this"))
                          .build()))
          .isInstanceOf(NoInstancesMatchedException.class)
          .hasMessageStartingWith("no instance matched Role=nothing-has-this");
      // Without the check it waited for the 30 s grace window.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(emu.state().callCount("SendCommand")).isOne();
    }
  }

  @Test
  void waitTimeout_isKeptWithinAboutTwoSecondsCancelIncluded() {
    try (SsmEmulator emu = emulator(3);
        SsmRunner runner = Emulators.runner(emu)) {
      long start = System.nanoTime();

      CommandResult result =
          runner.run(
              RunRequest.builder()
                  .instanceIds(emu.instanceIds())
                  .script("sleep 60")
                  .waitTimeout(Duration.ofSeconds(4))
                  .build());

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(result.deadlineExceeded()).isTrue();
      assertThat(result.exitCode()).isEqualTo(124);
      // 4 s deadline, 2 s cancel grace; before the fix a 20 s deadline took 31 s.
      assertThat(took).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(9));
    }
  }

  @Test
  void close_withAnAsyncRunInFlight_cancelsTheCommandAndCompletesTheFuture() {
    try (SsmEmulator emu = emulator(2)) {
      SsmClient ssm = emu.newSsmClient();
      SsmRunner runner = SsmRunner.builder().ssmClient(ssm).build();
      CompletableFuture<CommandResult> future =
          runner.runAsync(
              RunRequest.builder().instanceIds(emu.instanceIds()).script("sleep 60").build());
      awaitRunning(emu, 2);

      runner.close();

      assertThat(future).isDone();
      assertThat(future.join().invocations())
          .extracting(InvocationResult::outcome)
          .containsOnly(Outcome.CANCELLED_BY_CLIENT);
      assertThat(emu.state().callCount("CancelCommand")).isOne();
      ssm.close();
    }
  }

  @Test
  void attach_commandSentWithTheSdk_awaitsItByTheSameRule() {
    try (SsmEmulator emu = emulator(2);
        SsmClient ssm = emu.newSsmClient();
        SsmRunner runner = Emulators.runner(emu)) {
      String id =
          ssm.sendCommand(
                  b ->
                      b.documentName("AWS-RunShellScript")
                          .instanceIds(emu.instanceIds())
                          .parameters(Map.of("commands", List.of("echo hi; exit 6"))))
              .command()
              .commandId();

      CommandResult result = runner.attach(id).await(Duration.ofSeconds(30));

      assertThat(result.commandIds()).containsExactly(id);
      assertThat(result.invocations()).extracting(InvocationResult::stdout).containsOnly("hi\n");
      assertThat(result.exitCode()).isEqualTo(6);
      assertThat(runner.inspect(id).invocations())
          .extracting(InvocationResult::exitCode)
          .containsOnly(6);
    }
  }

  private static void awaitRunning(SsmEmulator emu, int count) {
    for (int i = 0; i < 400; i++) {
      if (emu.state().invocations().getOrDefault("InProgress", 0) >= count) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("invocations never ran: " + emu.state().invocations());
  }
}
