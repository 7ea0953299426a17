package dev.ssmrun.emulator.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for the emulator's builders; each names the setting it rejects. */
public final class Checks {
  private Checks() {}

  /** {@code value} if it is from {@code min} to {@code max}. */
  public static int range(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  /** {@code port} if it is a port number or 0 (a free port). */
  public static int port(int port, String name) {
    return range(port, 0, 65535, name);
  }

  /** {@code value} if it is neither null nor blank. */
  public static String text(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  /** {@code value} if it is not null and not negative. */
  public static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + value);
    }
    return value;
  }

  /** {@code value} if it is not null and above zero. */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " <= 0: " + value);
    }
    return value;
  }

  /** {@code value} if it is above zero. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " <= 0: " + value);
    }
    return value;
  }
}
