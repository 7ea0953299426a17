package dev.ssmrun.emulator;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of what an emulator has seen and done: the same data as {@code GET /_emulator/state}.
 * Immutable; take a new one with {@link SsmEmulator#state()}.
 */
public final class EmulatorState {
  private final Map<String, Map<String, Integer>> calls;
  private final Map<String, Integer> executions;
  private final Map<String, Integer> invocations;
  private final List<RecordedCall> recordedCalls;
  private final String json;

  EmulatorState(
      Map<String, Map<String, Integer>> calls,
      Map<String, Integer> executions,
      Map<String, Integer> invocations,
      List<RecordedCall> recordedCalls,
      String json) {
    this.calls = calls;
    this.executions = executions;
    this.invocations = invocations;
    this.recordedCalls = recordedCalls;
    this.json = json;
  }

  /** Per operation, the count of each outcome: {@code ok}, {@code lost} or an error code. */
  public Map<String, Map<String, Integer>> calls() {
    return calls;
  }

  /** Per instance id, how many processes its agent started. */
  public Map<String, Integer> executions() {
    return executions;
  }

  /** Per invocation status ({@code Success}, {@code Failed}, ...), how many invocations have it. */
  public Map<String, Integer> invocations() {
    return invocations;
  }

  /** Every call in arrival order. */
  public List<RecordedCall> recordedCalls() {
    return recordedCalls;
  }

  /** Total calls of {@code operation}, whatever the outcome. */
  public int callCount(String operation) {
    return calls.getOrDefault(operation, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  /** Calls of {@code operation} with {@code outcome} ({@code ok}, {@code lost}, an error code). */
  public int callCount(String operation, String outcome) {
    return calls.getOrDefault(operation, Map.of()).getOrDefault(outcome, 0);
  }

  /** Processes started on {@code instanceId} so far. */
  public int executionCount(String instanceId) {
    return executions.getOrDefault(instanceId, 0);
  }

  /** The JSON document served at {@code GET /_emulator/state}. */
  public String toJson() {
    return json;
  }

  @Override
  public String toString() {
    return "EmulatorState{calls="
        + calls
        + ", executions="
        + executions
        + ", invocations="
        + invocations
        + "}";
  }
}
