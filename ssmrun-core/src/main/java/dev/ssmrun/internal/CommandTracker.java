package dev.ssmrun.internal;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the engine knows about one sent command. Guarded by the owning session's lock. */
final class CommandTracker {
  private final String commandId;
  private final List<String> expected;
  private final Instant sentAt;
  private final Map<String, String> running = new LinkedHashMap<>();
  private final Map<String, InvocationResult> finished = new LinkedHashMap<>();
  private boolean cancelledAll;
  private boolean complete;

  /** {@code expected} is empty for tag targets, whose instances SSM resolves. */
  CommandTracker(String commandId, List<String> expected, Instant sentAt) {
    this.commandId = commandId;
    this.expected = List.copyOf(expected);
    this.sentAt = sentAt;
    expected.forEach(id -> running.put(id, "Pending"));
  }

  String commandId() {
    return commandId;
  }

  Instant sentAt() {
    return sentAt;
  }

  boolean byTargets() {
    return expected.isEmpty();
  }

  boolean isComplete() {
    return complete;
  }

  void markComplete() {
    complete = true;
  }

  /** Records a non-terminal status; returns false if the instance already finished. */
  boolean seen(String instanceId, String status) {
    if (finished.containsKey(instanceId)) {
      return false;
    }
    running.put(instanceId, status);
    return true;
  }

  boolean isFinished(String instanceId) {
    return finished.containsKey(instanceId);
  }

  void finish(InvocationResult result) {
    running.remove(result.instanceId());
    finished.put(result.instanceId(), result);
  }

  /** Instances not finished yet, in the order they became known. */
  List<String> runningIds() {
    return new ArrayList<>(running.keySet());
  }

  /** Notes that ssmrun cancelled this command: what ends cancelled is cancelled by the client. */
  void markCancelled() {
    cancelledAll = true;
  }

  boolean cancelledByUs(String instanceId) {
    return cancelledAll;
  }

  boolean isCancelled() {
    return cancelledAll;
  }

  int finishedCount() {
    return finished.size();
  }

  /** Finished invocations that SSM counts as errors: Failed or TimedOut (either kind). */
  int errorCount() {
    return (int)
        finished.values().stream()
            .map(InvocationResult::status)
            .filter(s -> s.equalsIgnoreCase("Failed") || s.equalsIgnoreCase("TimedOut"))
            .count();
  }

  int knownCount() {
    return running.size() + finished.size();
  }

  List<InvocationResult> finishedResults() {
    return new ArrayList<>(finished.values());
  }

  /**
   * Ends every unfinished invocation: cancelled by the client if ssmrun cancelled it, otherwise
   * not delivered (SSM never showed it in a terminal state).
   */
  void finishRemaining() {
    for (String id : runningIds()) {
      String status = running.get(id);
      Outcome outcome = cancelledAll ? Outcome.CANCELLED_BY_CLIENT : Outcome.NOT_DELIVERED;
      String details = cancelledAll ? "CancelledByClient" : "NotListed";
      finish(Results.unfinished(commandId, id, status, details, outcome));
    }
    complete = true;
  }
}
