package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.internal.StateSnapshot.Call;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every API call's outcome, counted exactly, and the most recent calls with their bodies (at most
 * {@link #RETAINED}), so that a long-running emulator does not keep every request. Thread-safe.
 */
public final class CallLog {
  /** How many of the latest calls keep their request bodies. */
  public static final int RETAINED = 10_000;

  private final int retained;
  private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
  private final Deque<Call> recent = new ArrayDeque<>();

  /** A log that keeps the latest {@link #RETAINED} calls. */
  public CallLog() {
    this(RETAINED);
  }

  CallLog(int retained) {
    this.retained = retained;
  }

  /** Counts one call and keeps it, dropping the oldest kept call beyond the bound. */
  public synchronized void add(Call call) {
    counts
        .computeIfAbsent(call.operation(), k -> new TreeMap<>())
        .merge(call.outcome(), 1, Integer::sum);
    recent.addLast(call);
    if (recent.size() > retained) {
      recent.removeFirst();
    }
  }

  /** The kept calls, oldest first. */
  synchronized List<Call> recent() {
    return List.copyOf(recent);
  }

  /** Per operation, the count of each outcome, over every call ever made. */
  synchronized Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    counts.forEach(
        (operation, outcomes) ->
            out.put(operation, Collections.unmodifiableMap(new TreeMap<>(outcomes))));
    return Collections.unmodifiableMap(out);
  }
}
