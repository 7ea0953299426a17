package dev.ssmrun.bench.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collected durations with percentiles, printed in milliseconds. Not thread-safe. */
final class Samples {
  private final List<Duration> values = new ArrayList<>();

  void add(Duration d) {
    values.add(d);
  }

  int size() {
    return values.size();
  }

  Duration percentile(double p) {
    if (values.isEmpty()) {
      return Duration.ZERO;
    }
    List<Duration> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Override
  public String toString() {
    return String.format(
        "n=%d p50=%d ms p95=%d ms max=%d ms",
        size(), percentile(50).toMillis(), percentile(95).toMillis(), percentile(100).toMillis());
  }
}
