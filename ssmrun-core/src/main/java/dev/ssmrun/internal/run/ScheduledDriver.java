package dev.ssmrun.internal.run;

import dev.ssmrun.CommandResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives a {@link Run} from a scheduler: each step runs as a task, then schedules the next. No
 * thread waits on behalf of a run between polls, and at most one step runs at a time: a cancel
 * that arrives while a step runs is acted on by the next one, scheduled at once.
 */
final class ScheduledDriver {
  private final Run run;
  private final Scheduler scheduler;
  private final RunFuture future = new RunFuture();
  private long generation;
  private boolean stepping;
  private boolean wakeUp;
  private boolean over;

  ScheduledDriver(Run run, Scheduler scheduler) {
    this.run = run;
    this.scheduler = scheduler;
    future.onCancel(this::cancel);
  }

  RunFuture future() {
    return future;
  }

  /** Schedules the next step after {@code delay}; any earlier schedule is superseded. */
  synchronized void schedule(Duration delay) {
    long mine = ++generation;
    scheduler.schedule(() -> tick(mine), delay);
  }

  /** Cancels what still runs: the next step, at once, sends CancelCommand. Returns at once. */
  void cancel() {
    run.requestCancel();
    synchronized (this) {
      if (stepping) {
        wakeUp = true;
      } else if (!over) {
        schedule(Duration.ZERO);
      }
    }
  }

  private void tick(long mine) {
    synchronized (this) {
      if (mine != generation || stepping || over) {
        return;
      }
      stepping = true;
    }
    Optional<Duration> next;
    try {
      next = run.step();
    } catch (RuntimeException | Error e) {
      done();
      future.completeExceptionally(e);
      return;
    }
    if (next.isEmpty()) {
      done();
      future.complete(run.result());
      return;
    }
    synchronized (this) {
      stepping = false;
      // A cancel that raced with this step must not wait for a full poll delay.
      schedule(wakeUp || run.cancelPending() ? Duration.ZERO : next.get());
      wakeUp = false;
    }
  }

  private synchronized void done() {
    stepping = false;
    over = true;
  }

  /** The run ended on the caller's thread (e.g. during start): nothing more to drive. */
  void finishedBy(CommandResult result) {
    done();
    future.complete(result);
  }
}
