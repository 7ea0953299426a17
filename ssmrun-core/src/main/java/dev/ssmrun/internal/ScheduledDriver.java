package dev.ssmrun.internal;

import dev.ssmrun.CommandResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Drives a {@link RunSession} from a scheduler: each step runs as a task, then schedules the next.
 * No thread waits on behalf of a run between polls.
 */
final class ScheduledDriver {
  private final RunSession session;
  private final Scheduler scheduler;
  private final CompletableFuture<CommandResult> future = new CompletableFuture<>();
  private long generation;

  ScheduledDriver(RunSession session, Scheduler scheduler) {
    this.session = session;
    this.scheduler = scheduler;
    var unused =
        future.whenComplete(
            (r, e) -> {
              if (future.isCancelled()) {
                cancel();
              }
            });
  }

  CompletableFuture<CommandResult> future() {
    return future;
  }

  /** Schedules the next step after {@code delay}; any earlier schedule is superseded. */
  synchronized void schedule(Duration delay) {
    long mine = ++generation;
    scheduler.schedule(() -> tick(mine), delay);
  }

  /** Cancels what still runs and polls at once instead of waiting for the next poll. */
  void cancel() {
    session.requestCancel();
    if (!session.isDone()) {
      schedule(Duration.ZERO);
    }
  }

  private void tick(long mine) {
    synchronized (this) {
      if (mine != generation) {
        return;
      }
    }
    try {
      Optional<Duration> next = session.step();
      if (next.isPresent()) {
        // A cancel() that raced with this step must not wait for a full poll delay.
        schedule(session.cancelPending() ? Duration.ZERO : next.get());
      } else {
        future.complete(session.result());
      }
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
    }
  }
}
