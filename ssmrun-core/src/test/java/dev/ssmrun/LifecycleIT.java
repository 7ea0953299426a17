package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.Platform;
import dev.ssmrun.emulator.SsmEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timeouts, the client deadline, cancel, pre-flight and offline instances, async runs. */
class LifecycleIT {
  private SsmEmulator emu;
  private SsmRunner runner;
  private List<String> ids;

  @BeforeEach
  void start() {
    emu =
        SsmEmulator.builder()
            .instances(3)
            .visibilityDelay(Duration.ofMillis(50))
            .timeoutUnit(Duration.ofMillis(20))
            // The scripts leave their pid in the instance's folder, as the host sees it.
            .isolation(Isolation.SHARED_HOST)
            .start();
    runner = Emulators.runner(emu);
    ids = emu.instanceIds();
  }

  @AfterEach
  void stop() {
    runner.close();
    emu.close();
  }

  @Test
  void run_executionTimeoutPasses_reportsTimedOut() {
    // 5 "seconds" of timeout are 100 ms here; the script would sleep 20 s.
    InvocationResult only =
        runner
            .run(
                RunRequest.builder()
                    .addInstanceId(ids.get(0))
                    .script("sleep 20")
                    .executionTimeout(Duration.ofSeconds(5))
                    .build())
            .invocations()
            .get(0);

    assertThat(only.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(only.statusDetails()).isEqualTo("ExecutionTimedOut");
  }

  @Test
  void run_clientDeadlinePasses_cancelsAndKillsTheProcess() throws Exception {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .addInstanceId(ids.get(0))
                .script("echo $$ > ../ssmrun-pid; sleep 30")
                .waitTimeout(Duration.ofSeconds(1))
                .build());

    assertThat(result.deadlineExceeded()).isTrue();
    assertThat(result.cancelledByClient()).isTrue();
    assertThat(result.invocations().get(0).outcome()).isEqualTo(Outcome.CANCELLED_BY_CLIENT);
    assertThat(emu.state().callCount("CancelCommand")).isEqualTo(1);
    assertThat(emu.instanceDirectory(ids.get(0)).resolve("ssmrun-pid")).exists();
    assertProcessGone(ids.get(0));
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 200 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }

  /** The script's shell is gone (or never started, if the cancel came first). */
  private void assertProcessGone(String instanceId) throws Exception {
    Path pidFile = emu.instanceDirectory(instanceId).resolve("ssmrun-pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void start_thenCancel_reportsCancelledByClient() throws Exception {
    RunHandle handle =
        runner.start(
            RunRequest.builder()
                .instanceIds(ids)
                .script("echo $$ > ../ssmrun-pid; sleep 30")
                .build());

    assertThat(handle.commandIds()).hasSize(1);
    // Cancel once the scripts run. (A cancel that lands while the emulator is still delivering
    // is reported Cancelled but its process starts anyway: an emulator race, reported.)
    for (String id : ids) {
      awaitFile(emu.instanceDirectory(id).resolve("ssmrun-pid"));
    }
    handle.cancel();
    CommandResult result = handle.await(Duration.ofSeconds(20));

    assertThat(result.deadlineExceeded()).isFalse();
    assertThat(result.invocations())
        .hasSize(3)
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(handle.progress().isDone()).isTrue();
    for (String id : ids) {
      assertProcessGone(id);
    }
  }

  @Test
  void runAsync_completesTheFutureWithTheResult() {
    CompletableFuture<CommandResult> future =
        runner.runAsync(RunRequest.builder().instanceIds(ids).script("echo async").build());

    CommandResult result = future.orTimeout(20, TimeUnit.SECONDS).join();
    assertThat(result.invocations()).extracting(InvocationResult::stdout).containsOnly("async\n");
  }

  @Test
  void run_preflightWithOfflineInstance_rejectsBeforeSending() {
    emu.takeOffline(ids.get(1));

    assertThatThrownBy(
            () ->
                runner.run(
                    RunRequest.builder().instanceIds(ids).script("true").preflight(true).build()))
        .isInstanceOf(PreflightException.class)
        .hasMessageContaining(ids.get(1))
        .hasMessageContaining("offline");
    assertThat(emu.state().callCount("SendCommand")).isZero();
  }

  @Test
  void run_preflightWithUnknownInstance_rejectsBeforeSending() {
    assertThatThrownBy(
            () ->
                runner.run(
                    RunRequest.builder()
                        .addInstanceId("i-0123456789abcdef0")
                        .script("true")
                        .preflight(true)
                        .build()))
        .isInstanceOf(PreflightException.class)
        .hasMessageContaining("unknown to SSM");
    assertThat(emu.state().callCount("SendCommand")).isZero();
  }

  @Test
  void run_preflightWaitsForInstanceToComeOnline() {
    emu.takeOffline(ids.get(0));
    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
        .execute(() -> emu.bringOnline(ids.get(0)));

    CommandResult result =
        runner.run(
            RunRequest.builder()
                .instanceIds(ids)
                .script("true")
                .preflight(true)
                .waitForOnline(Duration.ofSeconds(20))
                .build());

    assertThat(result.isSuccessful()).isTrue();
  }

  @Test
  void run_preflightWithWindowsInstanceAndShell_rejectsWrongPlatform() {
    String windows = emu.addInstance(InstanceSpec.builder().platform(Platform.WINDOWS).build());

    assertThatThrownBy(
            () ->
                runner.run(
                    RunRequest.builder()
                        .addInstanceId(windows)
                        .script("true")
                        .preflight(true)
                        .build()))
        .isInstanceOf(PreflightException.class)
        .hasMessageContaining("is Windows");
  }

  @Test
  void run_offlineWithoutPreflight_reportsNotDelivered() {
    emu.takeOffline(ids.get(2));

    CommandResult result =
        runner.run(
            RunRequest.builder()
                .instanceIds(ids)
                .script("true")
                .deliveryTimeout(Duration.ofSeconds(30))
                .failurePolicy(FailurePolicy.atMost(1))
                .build());

    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.SUCCESS, 2)
        .containsEntry(Outcome.NOT_DELIVERED, 1);
    assertThat(result.isSuccessful()).isTrue();
  }

  @Test
  void run_outputBeyond24000Characters_isReadInFullFromS3() {
    emu.newS3Client().createBucket(b -> b.bucket("ssm-output"));

    InvocationResult only =
        runner
            .run(
                RunRequest.builder()
                    .addInstanceId(ids.get(0))
                    .script("head -c 30000 /dev/zero | tr '\\0' x")
                    .outputS3("ssm-output", "runs")
                    .build())
            .invocations()
            .get(0);

    assertThat(only.stdout()).hasSize(30000).matches("x+");
    assertThat(only.stdoutTruncated()).isFalse();
    assertThat(only.stdoutUrl()).get().asString().contains("ssm-output");
  }
}
