package dev.ssmrun.internal.watch;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;

/** What the engine knows about one sent command. Confined to the run's driver. */
final class CommandTracker {
  private final SentCommand sent;
  private final Map<String, InvocationResult> running = new LinkedHashMap<>();
  private final Map<String, InvocationResult> finished = new LinkedHashMap<>();
  private boolean cancelledAll;
  private boolean complete;
  private boolean matchedNothing;

  CommandTracker(SentCommand sent) {
    this.sent = sent;
    sent.instanceIds().forEach(id -> running.put(id, Results.pending(sent.commandId(), id)));
  }

  String commandId() {
    return sent.commandId();
  }

  Instant sentAt() {
    return sent.sentAt();
  }

  SentCommand sent() {
    return sent;
  }

  boolean byTargets() {
    return sent.byTags();
  }

  boolean isComplete() {
    return complete;
  }

  void markComplete() {
    complete = true;
  }

  /** SSM resolved the tag targets to no instance: the command ran nowhere. */
  void markMatchedNothing() {
    matchedNothing = true;
    complete = true;
  }

  boolean matchedNothing() {
    return matchedNothing;
  }

  /** Records a non-terminal listing; returns false if the instance already finished. */
  boolean seen(CommandInvocation inv) {
    if (finished.containsKey(inv.instanceId())) {
      return false;
    }
    running.put(inv.instanceId(), Results.running(inv));
    return true;
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

  /** Every known invocation: finished ones, then unfinished ones as last listed. */
  List<InvocationResult> currentResults() {
    List<InvocationResult> all = new ArrayList<>(finished.values());
    all.addAll(running.values());
    return all;
  }

  /**
   * Ends every unfinished invocation: cancelled by the client if ssmrun cancelled it, otherwise
   * not delivered (SSM never showed it in a terminal state).
   */
  void finishRemaining() {
    for (InvocationResult last : List.copyOf(running.values())) {
      finish(
          cancelledAll
              ? Results.ended(last, "CancelledByClient", Outcome.CANCELLED_BY_CLIENT)
              : Results.ended(last, "NotListed", Outcome.NOT_DELIVERED));
    }
    complete = true;
  }
}
