package dev.ssmrun.internal.run;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The scheduler-driven path, on fake time: same engine, no thread sleeps. */
class AsyncRunTest {
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(3);

  private RunRequest request() {
    return RunRequest.builder().script("echo ok").instanceIds(ids).build();
  }

  @Test
  void runAsync_completesWhenTheSchedulerRuns_withoutSleeping() {
    CompletableFuture<CommandResult> future = f.runner().runAsync(request());

    assertThat(future).isNotDone();
    f.scheduler.runUntilIdle();

    assertThat(future.join().invocations()).hasSize(3).allMatch(InvocationResult::isSuccessful);
    assertThat(f.time.sleeps()).isEmpty();
    assertThat(f.scheduler.pending()).isZero();
  }

  @Test
  void start_sendsAtOnce_thenListenersHearEachInstanceOnce() {
    f.ssm.behaviors.put(ids.get(1), Behavior.ok(ofSeconds(3), "late\n"));
    RunHandle handle = f.runner().start(request());
    List<String> completed = new ArrayList<>();
    List<Progress> progress = new ArrayList<>();
    handle.addListener(
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            completed.add(invocation.instanceId());
          }

          @Override
          public void onProgress(Progress p) {
            progress.add(p);
          }
        });

    assertThat(handle.commandIds()).hasSize(1);
    assertThat(f.ssm.calls("SendCommand")).isEqualTo(1);
    f.scheduler.runUntilIdle();

    assertThat(handle.isDone()).isTrue();
    assertThat(completed).containsExactlyInAnyOrderElementsOf(ids).endsWith(ids.get(1));
    assertThat(progress.get(progress.size() - 1).isDone()).isTrue();
    assertThat(handle.await(Duration.ZERO).countsByOutcome()).containsEntry(Outcome.SUCCESS, 3);
  }

  @Test
  void cancel_midRun_cancelsCommandAndReportsCancelledByClient() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    RunHandle handle = f.runner().start(request());
    f.scheduler.runFor(ofSeconds(2));

    handle.cancel();
    f.scheduler.runUntilIdle();

    CommandResult result = handle.await();
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(result.deadlineExceeded()).isFalse();
    assertThat(f.ssm.calls("CancelCommand")).isEqualTo(1);
  }

  @Test
  void cancel_whileWaitingForOnline_endsWithoutSending() {
    f.ssm.pingStatus.put(ids.get(0), "ConnectionLost");
    CompletableFuture<CommandResult> future =
        f.runner()
            .runAsync(
                request().toBuilder().preflight(true).waitForOnline(Duration.ofMinutes(5)).build());
    f.scheduler.runFor(ofSeconds(5));

    future.cancel(true);
    f.scheduler.runUntilIdle();

    assertThat(f.ssm.calls("SendCommand")).isZero();
    assertThat(f.ssm.calls("DescribeInstanceInformation")).isEqualTo(3);
  }

  @Test
  void futureCancelled_cancelsTheCommands() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    CompletableFuture<CommandResult> future = f.runner().runAsync(request());
    f.scheduler.runFor(ofSeconds(2));

    future.cancel(true);
    f.scheduler.runUntilIdle();

    assertThat(f.ssm.calls("CancelCommand")).isEqualTo(1);
  }

  @Test
  void runAsync_sendAnswerLost_schedulesTheRecheckPausesInsteadOfSleeping() {
    f.ssm.loseSendsAfterAccepting = 1;
    f.ssm.visibilityDelay = ofSeconds(1); // The first two ListCommands do not show it yet.

    CompletableFuture<CommandResult> future = f.runner().runAsync(request());
    f.scheduler.runUntilIdle();

    assertThat(future.join().invocations()).hasSize(3).allMatch(InvocationResult::isSuccessful);
    assertThat(f.ssm.calls("SendCommand")).isEqualTo(1);
    assertThat(f.ssm.commandCount()).isEqualTo(1);
    assertThat(f.time.sleeps()).isEmpty();
    assertThat(f.scheduler.delays()).startsWith(Duration.ZERO, ofMillis(500), ofSeconds(1));
  }

  @Test
  void cancel_whileALostSendIsLookedFor_findsThatCommandCancelsItAndSendsNoMore() {
    List<String> fleet = f.ssm.addInstances(60);
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    f.ssm.loseSendsAfterAccepting = 1;
    f.ssm.visibilityDelay = ofSeconds(1); // Looks at 0 and 0.1 s miss it; at 1.1 s one finds it.
    CompletableFuture<CommandResult> future =
        f.runner().runAsync(RunRequest.builder().script("echo ok").instanceIds(fleet).build());
    f.scheduler.runFor(ofMillis(100));

    future.cancel(true);
    f.scheduler.runUntilIdle();

    assertThat(f.ssm.calls("SendCommand")).isEqualTo(1); // The second chunk is never sent.
    assertThat(f.ssm.calls("ListCommands")).isEqualTo(3);
    assertThat(f.ssm.calls("CancelCommand")).isEqualTo(1);
    assertThat(f.scheduler.delays())
        .containsExactly(Duration.ZERO, ofMillis(500), Duration.ZERO, ofSeconds(1));
  }
}
