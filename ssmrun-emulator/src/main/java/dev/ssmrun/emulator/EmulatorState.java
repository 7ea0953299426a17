package dev.ssmrun.emulator;

import dev.ssmrun.emulator.internal.CallLog;
import dev.ssmrun.emulator.internal.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of what an emulator has seen and done: the same data as {@code GET /_emulator/state}.
 * Immutable and thread-safe (every map and list it returns is unmodifiable); the recorded calls
 * and the JSON are built on first use. Take a new one with {@link SsmEmulator#state()}.
 */
public final class EmulatorState {
  /** How many of the latest calls {@link #recordedCalls()} holds at most. */
  public static final int RECORDED_CALLS = CallLog.RETAINED;

  private final StateSnapshot snapshot;
  private volatile List<RecordedCall> recordedCalls;
  private volatile String json;

  EmulatorState(StateSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Per operation, the count of each outcome: {@code ok}, {@code lost} or an error code. */
  public Map<String, Map<String, Integer>> calls() {
    return snapshot.calls();
  }

  /** Per instance id, how many processes its agent started. */
  public Map<String, Integer> executions() {
    return snapshot.executions();
  }

  /** Per invocation status ({@code Success}, {@code Failed}, ...), how many invocations have it. */
  public Map<String, Integer> invocations() {
    return snapshot.invocations();
  }

  /**
   * The latest calls, at most {@link #RECORDED_CALLS}, in arrival order. The counts of {@link
   * #calls()} cover every call, also those no longer kept here.
   */
  public List<RecordedCall> recordedCalls() {
    List<RecordedCall> calls = recordedCalls;
    if (calls == null) {
      calls =
          snapshot.recordedCalls().stream()
              .map(c -> new RecordedCall(c.operation(), c.outcome(), c.body(), c.time()))
              .toList();
      recordedCalls = calls;
    }
    return calls;
  }

  /** Total calls of {@code operation}, whatever the outcome. */
  public int callCount(String operation) {
    return calls().getOrDefault(operation, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  /** Calls of {@code operation} with {@code outcome} ({@code ok}, {@code lost}, an error code). */
  public int callCount(String operation, String outcome) {
    return calls().getOrDefault(operation, Map.of()).getOrDefault(outcome, 0);
  }

  /** Processes started on {@code instanceId} so far. */
  public int executionCount(String instanceId) {
    return executions().getOrDefault(instanceId, 0);
  }

  /** The JSON document served at {@code GET /_emulator/state}. */
  public String toJson() {
    String text = json;
    if (text == null) {
      text = snapshot.toJson();
      json = text;
    }
    return text;
  }

  @Override
  public String toString() {
    return "EmulatorState{calls="
        + calls()
        + ", executions="
        + executions()
        + ", invocations="
        + invocations()
        + "}";
  }
}
