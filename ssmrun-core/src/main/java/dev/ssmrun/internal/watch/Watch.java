package dev.ssmrun.internal.watch;

import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.aws.AwsErrors;
import dev.ssmrun.internal.aws.SsmGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The commands a run watches, and one poll over all of them: a probe for a fleet, listings for
 * the commands with news, output only where the listing lacks it. Confined to the run's driver.
 */
public final class Watch {
  private final SsmGateway ssm;
  private final Poller poller;
  private final CommandProbe probe;
  private final List<CommandTracker> trackers = new ArrayList<>();

  /** A watch that waits {@code notFoundGrace} for SSM to show a command; see {@link Poll}. */
  public Watch(SsmGateway ssm, Duration notFoundGrace, boolean failFast) {
    this.ssm = ssm;
    this.poller = new Poller(ssm, notFoundGrace);
    this.probe = new CommandProbe(ssm, failFast);
  }

  /** What one poll saw: the invocations that finished, and the signal for the schedule. */
  public record Poll(List<InvocationResult> finished, PollSchedule.Signal signal) {}

  /** Starts watching those of {@code commands} not watched yet. */
  public void addAll(List<SentCommand> commands) {
    Set<String> known = new HashSet<>(commandIds());
    for (SentCommand command : commands) {
      if (known.add(command.commandId())) {
        trackers.add(new CommandTracker(command));
      }
    }
  }

  /**
   * Polls every command not complete yet. A transient failure (the SDK already retried it) ends
   * the poll early as {@code THROTTLED}: the schedule spaces the next one.
   *
   * @throws MissingCommand if SSM does not show a command after the grace window.
   * @throws SdkException for failures that waiting cannot cure (e.g. access denied).
   */
  public Poll poll(Instant now) {
    return poll(now, false);
  }

  /** As {@link #poll(Instant)}; with {@code everything}, each command is listed, news or not. */
  public Poll poll(Instant now, boolean everything) {
    long throttledBefore = ssm.throttleCount();
    List<InvocationResult> done = new ArrayList<>();
    boolean transientFailure = false;
    try {
      List<CommandTracker> active = active();
      Set<String> due =
          everything
              ? new HashSet<>(active.stream().map(CommandTracker::commandId).toList())
              : probe.due(active, now);
      for (CommandTracker tracker : active) {
        if (due.contains(tracker.commandId())) {
          done.addAll(poller.poll(tracker, now));
        }
      }
    } catch (SdkException e) {
      if (!AwsErrors.isTransient(e)) {
        throw e;
      }
      transientFailure = true;
    }
    return new Poll(done, signal(done, transientFailure, ssm.throttleCount() > throttledBefore));
  }

  private PollSchedule.Signal signal(
      List<InvocationResult> done, boolean failed, boolean throttled) {
    boolean progress = !done.isEmpty() || probe.countedFinishes();
    if (failed) {
      return PollSchedule.Signal.THROTTLED;
    }
    if (throttled) {
      return progress ? PollSchedule.Signal.THROTTLED_PROGRESS : PollSchedule.Signal.THROTTLED;
    }
    return progress ? PollSchedule.Signal.PROGRESS : PollSchedule.Signal.NO_CHANGE;
  }

  /**
   * Sends CancelCommand for every command not complete and marks them as cancelled by ssmrun.
   * Best effort: a command may have just finished, which the next poll tells.
   */
  public void cancelRemaining() {
    for (CommandTracker tracker : active()) {
      tracker.markCancelled();
      try {
        ssm.cancel(tracker.commandId(), List.of());
      } catch (SdkException e) {
        // The final poll reports what really happened.
      }
    }
  }

  /** Ends what is still unfinished: cancelled by the client or not delivered. */
  public void finishRemaining() {
    active().forEach(CommandTracker::finishRemaining);
  }

  /** True once every command is complete. */
  public boolean isComplete() {
    return trackers.stream().allMatch(CommandTracker::isComplete);
  }

  /** True if a tag command matched no instance and nothing else was watched. */
  public boolean matchedNothing() {
    return !trackers.isEmpty()
        && trackers.stream().allMatch(t -> t.matchedNothing() || t.knownCount() == 0)
        && trackers.stream().anyMatch(CommandTracker::matchedNothing);
  }

  /** True if {@code policy} holds for the invocations finished so far. */
  public boolean policyHolds(FailurePolicy policy) {
    int total = trackers.stream().mapToInt(CommandTracker::knownCount).sum();
    List<String> failed =
        finished().stream()
            .filter(r -> !r.isSuccessful())
            .map(InvocationResult::instanceId)
            .toList();
    return policy.allows(total, failed);
  }

  /** True if the run is watched by probing rather than by listing each command every poll. */
  public boolean probes() {
    return CommandProbe.probes(trackers);
  }

  /** The watched command ids, in the order they were added. */
  public List<String> commandIds() {
    return trackers.stream().map(CommandTracker::commandId).toList();
  }

  /** Every finished invocation. */
  public List<InvocationResult> finished() {
    List<InvocationResult> all = new ArrayList<>();
    trackers.forEach(t -> all.addAll(t.finishedResults()));
    return all;
  }

  /** Every known invocation, finished or not. */
  public List<InvocationResult> current() {
    List<InvocationResult> all = new ArrayList<>();
    trackers.forEach(t -> all.addAll(t.currentResults()));
    return all;
  }

  /** When the first command was sent, if any was. */
  public Optional<Instant> firstSent() {
    return trackers.stream().map(CommandTracker::sentAt).min(Instant::compareTo);
  }

  /** When SSM gives up on the last command, if every command says. */
  public Optional<Instant> lastExpiry() {
    List<Instant> expiries = trackers.stream().map(t -> t.sent().expiresAfter()).toList();
    if (expiries.isEmpty() || expiries.stream().anyMatch(Objects::isNull)) {
      return Optional.empty();
    }
    return expiries.stream().max(Instant::compareTo);
  }

  private List<CommandTracker> active() {
    return trackers.stream().filter(t -> !t.isComplete()).toList();
  }
}
