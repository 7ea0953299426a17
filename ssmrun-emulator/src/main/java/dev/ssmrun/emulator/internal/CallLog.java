package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.internal.StateSnapshot.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every API call, in arrival order. Thread-safe. */
public final class CallLog {
  private final List<Call> calls = new ArrayList<>();

  /** Appends one call. */
  public synchronized void add(Call call) {
    calls.add(call);
  }

  synchronized List<Call> all() {
    return List.copyOf(calls);
  }

  /** Per operation, the count of each outcome. */
  synchronized Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (Call call : calls) {
      out.computeIfAbsent(call.operation(), k -> new TreeMap<>())
          .merge(call.outcome(), 1, Integer::sum);
    }
    return out;
  }
}
