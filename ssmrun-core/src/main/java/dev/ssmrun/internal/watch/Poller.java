package dev.ssmrun.internal.watch;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.aws.SsmGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * One poll of one command: a single paged ListCommandInvocations with details, then
 * GetCommandInvocation only for instances that just finished and whose listing lacks their output.
 */
final class Poller {
  private final SsmGateway ssm;
  private final Duration notFoundGrace;

  Poller(SsmGateway ssm, Duration notFoundGrace) {
    this.ssm = ssm;
    this.notFoundGrace = notFoundGrace;
  }

  /**
   * Updates {@code tracker}; returns the invocations that finished in this poll.
   *
   * @throws MissingCommand if SSM still does not show the command after the grace.
   */
  List<InvocationResult> poll(CommandTracker tracker, Instant now) {
    List<InvocationResult> done = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (CommandInvocation inv : ssm.listInvocations(tracker.commandId())) {
      listed.add(inv.instanceId());
      if (!tracker.seen(inv) || !Outcomes.isTerminal(inv.statusAsString())) {
        continue;
      }
      InvocationResult result = fetch(tracker, inv);
      if (result != null) {
        tracker.finish(result);
        done.add(result);
      }
    }
    checkComplete(tracker, listed, now);
    return done;
  }

  private InvocationResult fetch(CommandTracker tracker, CommandInvocation inv) {
    boolean ours = tracker.isCancelled();
    Optional<InvocationResult> inline = Results.fromListing(inv, ours);
    if (inline.isPresent()) {
      return inline.get();
    }
    try {
      return Results.fromGet(inv, ssm.getInvocation(inv.commandId(), inv.instanceId()), ours);
    } catch (InvocationDoesNotExistException e) {
      return null; // Listed but not yet readable: eventual consistency, try on the next poll.
    }
  }

  private void checkComplete(CommandTracker tracker, Set<String> listed, Instant now) {
    List<String> running = tracker.runningIds();
    if (running.isEmpty() && !tracker.byTargets()) {
      tracker.markComplete();
      return;
    }
    boolean inGrace = now.isBefore(tracker.sentAt().plus(notFoundGrace));
    boolean listedStillRunning = running.stream().anyMatch(listed::contains);
    if (listedStillRunning || (listed.isEmpty() && inGrace && !tracker.byTargets())) {
      return;
    }
    // Everything listed is done, tag targets may be resolving (or match nothing), or expected
    // instances are missing from the listing: ask for the command itself.
    Optional<Command> command = ssm.findCommand(tracker.commandId());
    if (command.isEmpty()) {
      if (inGrace) {
        return;
      }
      throw new MissingCommand(
          tracker.commandId(),
          "SSM does not show command "
              + tracker.commandId()
              + " "
              + notFoundGrace.toSeconds()
              + " s after accepting it; check the region and endpoint of the SSM client");
    }
    Command c = command.get();
    if (!Outcomes.isTerminal(c.statusAsString())) {
      return;
    }
    int targets = c.targetCount() == null ? 0 : c.targetCount();
    if (tracker.byTargets() && targets == 0 && tracker.knownCount() == 0) {
      tracker.markMatchedNothing(); // SSM: Success / NoInstancesInTag.
      return;
    }
    if (tracker.knownCount() >= targets || !inGrace) {
      tracker.finishRemaining();
    }
  }
}
