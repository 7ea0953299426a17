package dev.ssmrun.internal.fake;

import dev.ssmrun.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to or when something sleeps on it; records every sleep. */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private Runnable onSleep = () -> {};

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    now = now.plus(duration);
    onSleep.run();
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("fake sleep interrupted");
    }
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public synchronized void onSleep(Runnable action) {
    this.onSleep = action;
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
