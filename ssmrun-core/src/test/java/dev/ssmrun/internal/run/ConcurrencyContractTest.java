package dev.ssmrun.internal.run;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.fake.DelegatingGateway;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;

/** What callers on other threads may rely on while a run is in flight. */
class ConcurrencyContractTest {
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(2);

  private RunRequest request(List<String> instances) {
    return RunRequest.builder().script("sleep 600").instanceIds(instances).build();
  }

  @Test
  void cancel_whileThePollIsBlockedInsideTheSdk_returnsWithoutWaitingForTheCall() throws Exception {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    CountDownLatch inCall = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<SsmGateway> blocking =
        () ->
            new DelegatingGateway(f.ssm.view()) {
              @Override
              public List<CommandInvocation> listInvocations(String commandId) {
                inCall.countDown();
                awaitQuietly(release);
                return super.listInvocations(commandId);
              }
            };
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      DefaultSsmRunner runner = runnerOn(blocking, Scheduler.of(executor));
      RunHandle handle = runner.start(request(ids));
      assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

      // The driver thread is inside ListCommandInvocations; none of this may wait for it.
      assertTimeoutPreemptively(
          ofSeconds(5),
          () -> {
            handle.cancel();
            assertThat(handle.commandIds()).hasSize(1);
            assertThat(handle.progress().total()).isEqualTo(2);
            assertThat(handle.isDone()).isFalse();
          });
      assertThat(release.getCount()).isOne(); // The SDK call is still blocked.

      release.countDown();
      CommandResult result = handle.await(ofSeconds(10));
      assertThat(result.invocations())
          .extracting(InvocationResult::outcome)
          .containsOnly(Outcome.CANCELLED_BY_CLIENT);
      assertThat(f.ssm.calls("CancelCommand")).isOne();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void close_withRunsInFlight_cancelsTheirCommandsAndCompletesFuturesAndHandles() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    DefaultSsmRunner runner = f.runner();
    CompletableFuture<CommandResult> async = runner.runAsync(request(ids.subList(0, 1)));
    RunHandle handle = runner.start(request(ids.subList(1, 2)));
    f.scheduler.runFor(ofSeconds(2));

    runner.close();
    f.scheduler.runUntilIdle();

    assertThat(f.ssm.calls("CancelCommand")).isEqualTo(2);
    assertThat(async.join().invocations())
        .extracting(InvocationResult::outcome)
        .containsExactly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(handle.isDone()).isTrue();
    assertThat(handle.await().cancelledByClient()).isTrue();
    assertThatThrownBy(() -> runner.start(request(ids)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(f.ssm.commandCount()).isEqualTo(2);
  }

  @Test
  void close_runCannotFinishBeforeOwnedResourcesClose_completesItExceptionally() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    List<String> closed = new ArrayList<>();
    DefaultSsmRunner runner =
        new DefaultSsmRunner(
            f.ssm::view,
            f.s3,
            Transfers.direct(),
            () -> f.logs,
            f.time,
            f.time,
            f.scheduler,
            EngineSettings.DEFAULT.withCloseTimeout(Duration.ZERO),
            new Fixtures.NoJitter(),
            List.of(() -> closed.add("executor")));
    CompletableFuture<CommandResult> async = runner.runAsync(request(ids));
    f.scheduler.runFor(ofSeconds(1));

    runner.close(); // The fake scheduler does not run meanwhile: the run cannot finish.

    assertThat(closed).containsExactly("executor");
    assertThatThrownBy(async::join)
        .hasCauseInstanceOf(RunFailedException.class)
        .hasMessageContaining("closed before the run could finish");
  }

  @Test
  void twoRunsAtOnce_oneThrottled_keepSeparateSchedules() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    f.ssm.throttledInstances.add(ids.get(0));
    DefaultSsmRunner runner = f.runner();
    Instant sent = f.time.instant();
    runner.runAsync(request(ids.subList(0, 1)));
    runner.runAsync(request(ids.subList(1, 2)));

    f.scheduler.runFor(ofSeconds(2));

    List<String> commands = new ArrayList<>(f.ssm.listedAt.keySet());
    List<Instant> slow = f.ssm.listedAt.get(commands.get(0));
    List<Instant> fast = f.ssm.listedAt.get(commands.get(1));
    // Throttled: 100 ms, then doubling. Not throttled: 100 ms, then x1.2, as if alone.
    assertThat(gaps(sent, slow))
        .startsWith(ofMillis(100), ofMillis(200), ofMillis(400), ofMillis(800));
    assertThat(gaps(sent, fast))
        .startsWith(ofMillis(100), ofMillis(120), ofMillis(144), Duration.ofNanos(172_800_000));
  }

  private static List<Duration> gaps(Instant start, List<Instant> times) {
    List<Duration> gaps = new ArrayList<>();
    Instant previous = start;
    for (Instant t : times) {
      gaps.add(Duration.between(previous, t));
      previous = t;
    }
    return gaps;
  }

  private DefaultSsmRunner runnerOn(Supplier<SsmGateway> gateways, Scheduler scheduler) {
    return new DefaultSsmRunner(
        gateways,
        f.s3,
        Transfers.direct(),
        () -> f.logs,
        java.time.Clock.systemUTC(), // Real threads wait real time: the run's clock must move.
        f.time,
        scheduler,
        EngineSettings.DEFAULT,
        new Fixtures.NoJitter(),
        List.of());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
