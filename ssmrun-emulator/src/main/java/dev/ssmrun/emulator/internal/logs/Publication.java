package dev.ssmrun.emulator.internal.logs;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One plugin run's CloudWatch output: stdout and stderr tailed to their streams on every wake-up
 * while the script runs, then the rest once it ended. Thread-safe.
 */
public final class Publication {
  /** For a run that publishes nothing (CloudWatch output off, or no access). */
  static final Publication NONE = new Publication(null, null, null, Duration.ZERO);

  private final StreamTail stdout;
  private final StreamTail stderr;
  private final ScheduledExecutorService scheduler;
  private final Duration finalDelay;
  private ScheduledFuture<?> ticks;
  private boolean stopped;

  Publication(
      StreamTail stdout,
      StreamTail stderr,
      ScheduledExecutorService scheduler,
      Duration finalDelay) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.scheduler = scheduler;
    this.finalDelay = finalDelay;
  }

  /** Wakes up every {@code interval} until the run ends. */
  synchronized void start(Duration interval) {
    try {
      ticks =
          scheduler.scheduleWithFixedDelay(
              this::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      stopped = true; // the emulator is closing
    }
  }

  private synchronized void tick() {
    if (!stopped) {
      stdout.tick();
      stderr.tick();
    }
  }

  /**
   * The script ended with this full output: {@code report} sets the invocation's status. The rest
   * of the output is uploaded before the report when the final delay is zero, else that long after
   * it, so that the last events land once the status is already terminal.
   */
  public void finish(byte[] out, byte[] err, Runnable report) {
    if (stdout == null) {
      report.run();
      return;
    }
    stopTicks();
    if (finalDelay.isZero()) {
      ship(out, err);
      report.run();
      return;
    }
    report.run();
    try {
      var unused =
          scheduler.schedule(() -> ship(out, err), finalDelay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The emulator is closing: the last upload is lost with it.
    }
  }

  /** The agent died: nothing more is uploaded. */
  public void abandon() {
    if (stdout != null) {
      stopTicks();
    }
  }

  private synchronized void stopTicks() {
    stopped = true;
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  private synchronized void ship(byte[] out, byte[] err) {
    stdout.finish(out);
    stderr.finish(err);
  }
}
