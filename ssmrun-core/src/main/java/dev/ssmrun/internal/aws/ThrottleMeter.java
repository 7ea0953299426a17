package dev.ssmrun.internal.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts API calls, and throttled attempts including those the SDK retried successfully, from
 * the SDK's own per-attempt metrics. Attached per request, so the user's client configuration is
 * untouched.
 */
final class ThrottleMeter implements MetricPublisher {
  private static final String THROTTLING = "Throttling";
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();

  @Override
  public void publish(MetricCollection metrics) {
    calls.incrementAndGet(); // One collection per API call, however many attempts it took.
    throttled.addAndGet(count(metrics));
  }

  long count() {
    return throttled.get();
  }

  long calls() {
    return calls.get();
  }

  private static long count(MetricCollection metrics) {
    long n =
        metrics.metricValues(CoreMetric.ERROR_TYPE).stream().filter(THROTTLING::equals).count();
    for (MetricCollection child : metrics.children()) {
      n += count(child);
    }
    return n;
  }

  @Override
  public void close() {}
}
