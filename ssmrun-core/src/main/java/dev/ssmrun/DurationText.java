package dev.ssmrun;

import java.time.Duration;

/**
 * Durations as people write them: {@code 48h}, {@code 1m30s}, {@code 500ms}, never PT48H; what
 * ssmrun's messages use.
 */
public final class DurationText {
  private DurationText() {}

  /** {@code d} as text, e.g. {@code 1h10m}; whole days from 3 days up, e.g. {@code 7d}. */
  public static String of(Duration d) {
    if (d.isNegative()) {
      return "-" + of(d.negated());
    }
    if (d.isZero()) {
      return "0s";
    }
    if (d.toDays() >= 3 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + "d";
    }
    StringBuilder s = new StringBuilder();
    append(s, d.toHours(), "h");
    append(s, d.toMinutesPart(), "m");
    append(s, d.toSecondsPart(), "s");
    append(s, d.toMillisPart(), "ms");
    return s.length() == 0 ? d.toNanos() + "ns" : s.toString();
  }

  private static void append(StringBuilder s, long amount, String unit) {
    if (amount > 0) {
      s.append(amount).append(unit);
    }
  }
}
