package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.EmulatorState;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Fleets beyond SendCommand's 50-id limit, throttling, and lost SendCommand answers. */
class FleetIT {
  @Test
  void run_120Instances_splitsIntoThreeCommandsAndMergesResults() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(120).visibilityDelay(Duration.ofMillis(50)).start();
        SsmRunner runner = Emulators.runner(emu)) {
      CommandResult result =
          runner.run(
              RunRequest.builder()
                  .script("echo $AWS_SSM_INSTANCE_ID")
                  .instanceIds(emu.instanceIds())
                  .build());

      EmulatorState state = emu.state();
      assertThat(result.commandIds()).hasSize(3).doesNotHaveDuplicates();
      assertThat(result.invocations())
          .hasSize(120)
          .allMatch(InvocationResult::isSuccessful)
          .allMatch(i -> i.stdout().equals(i.instanceId() + "\n"));
      assertThat(state.callCount("SendCommand")).isEqualTo(3);
      // Output comes with the listings (no stderr here): no per-instance reads at all.
      assertThat(state.callCount("ListCommandInvocations")).isLessThan(60);
      assertThat(state.callCount("GetCommandInvocation")).isZero();
    }
  }

  @Test
  void run_fleetFailFast_errorCountTriggersTheListingAndTheRestIsCancelled() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(60).visibilityDelay(Duration.ofMillis(50)).start();
        SsmRunner runner = Emulators.runner(emu)) {
      String failing = emu.instanceIds().get(55); // In the second command.
      CommandResult result =
          runner.run(
              RunRequest.builder()
                  .instanceIds(emu.instanceIds())
                  .failFast(true)
                  .script("[ \"$AWS_SSM_INSTANCE_ID\" != " + failing + " ] || exit 7; sleep 60")
                  .build());

      assertThat(result.countsByOutcome())
          .containsEntry(Outcome.FAILED, 1)
          .containsEntry(Outcome.CANCELLED_BY_CLIENT, 59);
      assertThat(result.invocations())
          .filteredOn(i -> i.outcome() == Outcome.FAILED)
          .extracting(InvocationResult::instanceId)
          .containsExactly(failing);
      EmulatorState state = emu.state();
      assertThat(state.callCount("CancelCommand")).isEqualTo(2);
      // Nothing else finished before the cancel: only the failing command was listed while
      // running, then both while draining the cancel (at most 10 s of polls).
      assertThat(state.callCount("ListCommandInvocations")).isLessThan(40);
    }
  }

  @Test
  void run_heavyThrottling_noErrorReachesCallerAndEachInstanceRunsOnce() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(60)
                .visibilityDelay(Duration.ofMillis(50))
                .faults("throttle=0.3,seed=11")
                .start();
        SsmRunner runner = Emulators.runner(emu)) {
      CommandResult result =
          runner.run(RunRequest.builder().script("echo ok").instanceIds(emu.instanceIds()).build());

      assertThat(result.invocations()).hasSize(60).allMatch(InvocationResult::isSuccessful);
      // Polls were throttled (probes or listings) and the SDK's retries absorbed it.
      EmulatorState state = emu.state();
      assertThat(
              state.callCount("ListCommands", "ThrottlingException")
                  + state.callCount("ListCommandInvocations", "ThrottlingException"))
          .isPositive();
      assertThat(Emulators.executions(emu, emu.instanceIds()).values()).containsOnly(1);
    }
  }

  @Test
  void run_sendCommandAnswersLost_neverRunsTwice() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(3)
                .visibilityDelay(Duration.ofMillis(50))
                .faults("SendCommand:lose=0.5,seed=7")
                .start();
        SsmRunner runner = Emulators.runner(emu)) {
      int runs = 8;
      for (int i = 0; i < runs; i++) {
        CommandResult result =
            runner.run(
                RunRequest.builder().script("echo run").instanceIds(emu.instanceIds()).build());
        assertThat(result.invocations()).hasSize(3).allMatch(InvocationResult::isSuccessful);
      }

      EmulatorState state = emu.state();
      assertThat(state.callCount("SendCommand", "lost")).isPositive();
      assertThat(Emulators.executions(emu, emu.instanceIds()).values()).containsOnly(runs);
    }
  }

  /** The guard works whatever retry configuration the user's client has. */
  @ParameterizedTest
  @ValueSource(strings = {"sdk-default", "legacy-retry-policy", "standard-retry-strategy"})
  void run_lostAnswersWithAnyClientRetryConfiguration_neverRunsTwice(String retries) {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(2)
                .visibilityDelay(Duration.ofMillis(50))
                .faults("SendCommand:lose=0.5,seed=1")
                .start();
        SsmClient client = client(emu, retries);
        SsmRunner runner = SsmRunner.builder().ssmClient(client).build()) {
      for (int i = 0; i < 4; i++) {
        runner.run(RunRequest.builder().script("true").instanceIds(emu.instanceIds()).build());
      }

      assertThat(emu.state().callCount("SendCommand", "lost")).isPositive();
      assertThat(Emulators.executions(emu, emu.instanceIds()).values()).containsOnly(4);
    }
  }

  @SuppressWarnings("deprecation") // The legacy RetryPolicy is what older code still configures.
  private static SsmClient client(SsmEmulator emu, String retries) {
    return SsmClient.builder()
        .endpointOverride(emu.endpoint())
        .region(Region.of(emu.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emu.accessKeyId(), emu.secretAccessKey())))
        .overrideConfiguration(
            o -> {
              if (retries.equals("legacy-retry-policy")) {
                o.retryPolicy(RetryPolicy.builder().numRetries(3).build());
              } else if (retries.equals("standard-retry-strategy")) {
                o.retryStrategy(RetryMode.STANDARD);
              }
            })
        .build();
  }

  @Test
  void run_sendCommandFailsWith500_reconcilesBeforeResending() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(2)
                .visibilityDelay(Duration.ofMillis(50))
                .faults("SendCommand:error=0.5,seed=3")
                .start();
        // The emulator's ListCommands shows a command after its 50 ms visibility delay: a 2 s
        // lookup window is plenty here (the 20 s default is for AWS's unknown lag).
        SsmRunner runner = Emulators.runner(emu, b -> b.sendLookupWindow(Duration.ofSeconds(2)))) {
      for (int i = 0; i < 6; i++) {
        assertThat(
                runner
                    .run(RunRequest.builder().script("true").instanceIds(emu.instanceIds()).build())
                    .invocations())
            .allMatch(InvocationResult::isSuccessful);
      }

      EmulatorState state = emu.state();
      assertThat(state.callCount("SendCommand", "InternalServerError")).isPositive();
      assertThat(state.callCount("ListCommands")).isPositive();
      assertThat(Emulators.executions(emu, emu.instanceIds()).values()).containsOnly(6);
    }
  }
}
