package dev.ssmrun.internal.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * When to poll next: quick at first, slower while nothing changes, quicker on progress, slower
 * again when SSM throttles. Pure: the engine keeps the un-jittered base delay and passes a random
 * number for the jitter.
 */
public final class PollSchedule {
  /** What the last poll saw. */
  public enum Signal {
    /** Nothing finished. */
    NO_CHANGE,
    /** At least one invocation finished. */
    PROGRESS,
    /** At least one call was throttled (or failed for good) and nothing finished. */
    THROTTLED,
    /** Invocations finished, but a call was throttled and retried by the SDK. */
    THROTTLED_PROGRESS
  }

  /** 100 ms first, x1.2 per quiet poll, up to 3 s, with ±10% jitter. */
  public static final PollSchedule DEFAULT =
      new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(3), 1.2, 0.1);

  private final Duration initial;
  private final Duration max;
  private final double growth;
  private final double jitter;

  /**
   * A schedule from {@code initial} to {@code max}, growing by {@code growth} per quiet poll,
   * spread by ±{@code jitter}.
   */
  public PollSchedule(Duration initial, Duration max, double growth, double jitter) {
    this.initial = Objects.requireNonNull(initial, "initial == null");
    this.max = Objects.requireNonNull(max, "max == null");
    if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
    if (growth < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("need growth >= 1 and 0 <= jitter < 1");
    }
    this.growth = growth;
    this.jitter = jitter;
  }

  /** The base delay before the first poll. */
  public Duration initial() {
    return initial;
  }

  /** The longest base delay. */
  public Duration max() {
    return max;
  }

  /**
   * The base delay after {@code waited} without news: where growing from the initial delay by
   * the growth factor at each poll would have reached (initial + (growth - 1) x waited).
   */
  public Duration resumed(Duration waited) {
    return clamp(initial.plus(Duration.ofNanos(Math.round(waited.toNanos() * (growth - 1)))));
  }

  /** The base delay after a poll that saw {@code signal}, given the previous base delay. */
  public Duration next(Duration previous, Signal signal) {
    return next(previous, signal, initial);
  }

  /** As {@link #next(Duration, Signal)}, but progress sets half the delay, never below floor. */
  public Duration next(Duration previous, Signal signal, Duration floor) {
    return switch (signal) {
      case PROGRESS -> {
        Duration half = clamp(previous.dividedBy(2));
        yield half.compareTo(floor) < 0 ? clamp(floor) : half;
      }
      // Neither hurry (throttled) nor slow down (news are coming).
      case THROTTLED_PROGRESS -> clamp(previous);
      case THROTTLED -> clamp(previous.multipliedBy(2));
      case NO_CHANGE -> clamp(Duration.ofNanos((long) (previous.toNanos() * growth)));
    };
  }

  /** {@code base} spread by up to ±jitter; {@code random} is uniform in [0, 1). */
  public Duration jittered(Duration base, double random) {
    double factor = 1 + jitter * (2 * random - 1);
    return Duration.ofNanos((long) (base.toNanos() * factor));
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(initial) < 0) {
      return initial;
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
