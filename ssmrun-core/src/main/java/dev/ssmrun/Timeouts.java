package dev.ssmrun;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The three clocks of a run: how long SSM may try to deliver the command, how long the script may
 * run, and how long the client waits. Part of a {@link RunRequest}, set through its builder. This
 * class is immutable and thread-safe.
 */
public final class Timeouts {
  /** The execution timeout when none is set: 1 hour, SSM's own default. */
  public static final Duration DEFAULT_EXECUTION = Duration.ofHours(1);

  /** The shortest execution timeout: the agent silently runs shorter ones for an hour. */
  public static final Duration MIN_EXECUTION = Duration.ofSeconds(5);

  /** The longest execution timeout the agent honours: 48 hours. */
  public static final Duration MAX_EXECUTION = Duration.ofDays(2);

  /** The delivery timeout when none is set: 10 minutes. */
  public static final Duration DEFAULT_DELIVERY = Duration.ofMinutes(10);

  /** The shortest delivery timeout SSM accepts: 30 seconds. */
  public static final Duration MIN_DELIVERY = Duration.ofSeconds(30);

  /** The longest delivery timeout SSM accepts: 30 days. */
  public static final Duration MAX_DELIVERY = Duration.ofDays(30);

  /** Added to delivery plus execution timeout when no wait timeout is set: 1 minute. */
  public static final Duration DEFAULT_WAIT_MARGIN = Duration.ofMinutes(1);

  private final Duration execution;
  private final Duration delivery;
  private final Duration wait;

  Timeouts(Duration execution, Duration delivery, Duration wait) {
    this.execution = Objects.requireNonNull(execution, "execution == null");
    this.delivery = Objects.requireNonNull(delivery, "delivery == null");
    this.wait = wait;
  }

  /** How long the script may run before SSM kills it; defaults to {@link #DEFAULT_EXECUTION}. */
  public Duration execution() {
    return execution;
  }

  /** How long SSM tries to deliver the command; defaults to {@link #DEFAULT_DELIVERY}. */
  public Duration delivery() {
    return delivery;
  }

  /** The client deadline as set, if set; see {@link #effectiveWait()}. */
  public Optional<Duration> waitTimeout() {
    return Optional.ofNullable(wait);
  }

  /**
   * How long the client waits before cancelling what still runs: the {@link #waitTimeout()} if
   * set, else delivery plus execution timeout plus {@link #DEFAULT_WAIT_MARGIN}.
   */
  public Duration effectiveWait() {
    return wait != null ? wait : delivery.plus(execution).plus(DEFAULT_WAIT_MARGIN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timeouts other
        && execution.equals(other.execution)
        && delivery.equals(other.delivery)
        && Objects.equals(wait, other.wait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(execution, delivery, wait);
  }

  @Override
  public String toString() {
    return "Timeouts{execution="
        + DurationText.of(execution)
        + ", delivery="
        + DurationText.of(delivery)
        + ", wait="
        + DurationText.of(effectiveWait())
        + "}";
  }
}
