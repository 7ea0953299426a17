package dev.ssmrun.emulator.internal.faults;

import dev.ssmrun.emulator.FaultSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/** Draws seeded fault decisions for each call and each execution. Thread-safe. */
public final class Faults {
  private final FaultSpec spec;
  private final Random random;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new HashMap<>();

  /** Draws for {@code spec}, seeded by the spec's seed or else {@code seed}. */
  public Faults(FaultSpec spec, long seed, Clock clock) {
    this.spec = spec;
    this.random = new Random(spec.seed().orElse(seed));
    this.clock = clock;
  }

  /** True if this call must fail with ThrottlingException (probability or empty bucket). */
  public synchronized boolean throttle(String operation) {
    OptionalDouble rate = spec.rate(operation);
    if (rate.isPresent()) {
      String key = spec.hasOwnRate(operation) ? operation : "*";
      TokenBucket bucket =
          buckets.computeIfAbsent(key, k -> new TokenBucket(rate.getAsDouble(), clock.millis()));
      if (!bucket.take(clock.millis())) {
        return true;
      }
    }
    return draw(FaultSpec.Kind.THROTTLE, operation);
  }

  /** True if the fault {@code kind} strikes this call of {@code operation}. */
  public synchronized boolean draw(FaultSpec.Kind kind, String operation) {
    double p = spec.probability(kind, operation);
    return p > 0 && random.nextDouble() < p;
  }

  /** The latency to add before answering {@code operation}; zero if none. */
  public Duration latency(String operation) {
    return spec.latency(operation);
  }

  /**
   * A service quota: at most {@code rate} calls per second (bursts up to {@code rate}), whatever
   * faults are configured. Thread-safe.
   */
  public static final class RateLimit {
    private final TokenBucket bucket;
    private final Clock clock;

    /** A limit of {@code rate} calls per second on {@code clock}. */
    public RateLimit(double rate, Clock clock) {
      this.bucket = new TokenBucket(rate, clock.millis());
      this.clock = clock;
    }

    /** True if this call fits in the quota (and uses it up), false if it must be throttled. */
    public synchronized boolean tryAcquire() {
      return bucket.take(clock.millis());
    }
  }

  /** A bucket of {@code rate} tokens refilled continuously at {@code rate} per second. */
  static final class TokenBucket {
    private final double rate;
    private double tokens;
    private long lastMillis;

    TokenBucket(double rate, long nowMillis) {
      this.rate = rate;
      this.tokens = Math.max(1, rate);
      this.lastMillis = nowMillis;
    }

    boolean take(long nowMillis) {
      tokens = Math.min(Math.max(1, rate), tokens + (nowMillis - lastMillis) * rate / 1000.0);
      lastMillis = nowMillis;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Waits out an injected latency; the one real sleep in the emulator. */
  public static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(latency.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
