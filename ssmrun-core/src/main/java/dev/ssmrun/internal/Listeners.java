package dev.ssmrun.internal;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress snapshots and listener calls; a failing listener never stops a run. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private Listeners() {}

  static Progress snapshot(List<CommandTracker> trackers, boolean done) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    int total = 0;
    for (CommandTracker tracker : trackers) {
      total += tracker.knownCount();
      tracker.finishedResults().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
    }
    List<String> ids = trackers.stream().map(CommandTracker::commandId).toList();
    return Progress.of(ids, total, counts, done);
  }

  static void notify(
      List<ProgressListener> listeners, List<InvocationResult> finished, Progress progress) {
    for (ProgressListener listener : listeners) {
      try {
        finished.forEach(listener::onInvocationCompleted);
        listener.onProgress(progress);
      } catch (RuntimeException e) {
        LOG.warn("progress listener {} failed; ignored", listener.getClass().getName(), e);
      }
    }
  }
}
