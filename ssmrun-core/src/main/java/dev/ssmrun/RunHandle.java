package dev.ssmrun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A run in flight, returned by {@link SsmRunner#start(RunRequest)} once its commands were sent.
 * This interface is thread-safe: {@link #cancel()} may be called from any thread, e.g. a shutdown
 * hook.
 */
public interface RunHandle {
  /** The SSM command ids of this run (one per 50 instances, or per target). */
  List<String> commandIds();

  /** A snapshot of the counts so far. */
  Progress progress();

  /** Adds a listener; it hears about invocations that complete from now on. */
  void addListener(ProgressListener listener);

  /**
   * Waits for the result.
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
