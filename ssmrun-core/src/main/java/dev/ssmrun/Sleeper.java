package dev.ssmrun;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Pauses the calling thread. A separate type so that tests can make waiting instant. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link TimeUnit#sleep}: the only place in the library that really sleeps. */
  Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

  /** Sleeps for {@code duration}; returns at once if it is zero or negative. */
  void sleep(Duration duration) throws InterruptedException;
}
