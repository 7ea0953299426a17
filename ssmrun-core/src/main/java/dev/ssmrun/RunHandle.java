package dev.ssmrun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A run in flight, returned by {@link SsmRunner#start(RunRequest)} once its commands were sent, or
 * by {@link SsmRunner#attach} for commands sent before. This interface is thread-safe and none of
 * its methods waits for an SSM call: {@link #cancel()}, {@link #commandIds()} and {@link
 * #progress()} return at once from any thread, e.g. a shutdown hook, even while the run's driver
 * is inside a slow or retried SDK call.
 */
public interface RunHandle {
  /** The SSM command ids of this run (one per 50 instances, or per target). */
  List<String> commandIds();

  /** A snapshot of every invocation so far, taken after the driver's last step. */
  Progress progress();

  /** Adds a listener; it hears about invocations that complete from now on. */
  void addListener(ProgressListener listener);

  /**
   * Waits for the result. A failure of the run is rethrown as the {@link RunFailedException} (or
   * other {@link SsmRunException}) it was, with this caller's stack added as a suppressed
   * exception.
   *
   * @throws RunInterruptedException if the calling thread is interrupted (the run goes on).
   */
  CommandResult await();

  /**
   * Waits up to {@code timeout} for the result.
   *
   * @throws AwaitTimeoutException if the run is still going after {@code timeout}.
   * @throws RunInterruptedException if the calling thread is interrupted (the run goes on).
   */
  CommandResult await(Duration timeout);

  /**
   * Cancels what still runs (SSM {@code CancelCommand}); those invocations end as {@link
   * Outcome#CANCELLED_BY_CLIENT}. Returns at once; {@link #await()} then gives the result.
   */
  void cancel();

  /** True once the result is available. */
  boolean isDone();

  /**
   * The result as a future; completes exceptionally if the run fails as a whole. This is a copy:
   * cancelling it does not stop the run, {@link #cancel()} does.
   */
  CompletableFuture<CommandResult> future();
}
