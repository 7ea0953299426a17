package dev.ssmrun.internal.run;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; a port so that tests can drive the asynchronous path on fake time. */
@FunctionalInterface
interface Scheduler {
  void schedule(Runnable task, Duration delay);

  static Scheduler of(ScheduledExecutorService executor) {
    return (task, delay) -> {
      var unused = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    };
  }
}
