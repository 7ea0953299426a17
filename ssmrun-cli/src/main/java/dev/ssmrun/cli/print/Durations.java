package dev.ssmrun.cli.print;

import java.time.Duration;

/** Durations the way the command line writes them: {@code 0.4s}, {@code 12s}, {@code 4m05s}, {@code 48h}. */
public final class Durations {
  private Durations() {}

  public static String human(Duration d) {
    long millis = d.toMillis();
    if (millis < 10_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds % 60 == 0
          ? seconds / 60 + "m"
          : String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    long minutes = seconds % 3600 / 60;
    return minutes == 0
        ? seconds / 3600 + "h"
        : String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, minutes);
  }
}
