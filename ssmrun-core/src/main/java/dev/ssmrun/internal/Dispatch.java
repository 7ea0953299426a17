package dev.ssmrun.internal;

import dev.ssmrun.Document;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * Gets a run's commands out: the optional pre-flight check (waiting for targets to come online if
 * asked), the choice of document, then one SendCommand per 50 instances or one for tag targets.
 * If a send fails, the session cancels the commands already sent: all or nothing.
 */
final class Dispatch {
  private final SsmGateway ssm;
  private final CommandSender sender;
  private final Duration preflightInterval;
  private Instant onlineDeadline;
  private Map<String, Document> documents = Map.of();
  private final List<InvocationResult> rejected = new ArrayList<>();
  private boolean ready;
  private Deque<Chunk> chunks;
  private Chunk chunk;
  private CommandSender.Sending sending;

  /** The instances of one SendCommand (empty for tag targets) and its document. */
  private record Chunk(Document document, List<String> ids) {}

  Dispatch(SsmGateway ssm, CommandSender sender, Duration preflightInterval) {
    this.ssm = ssm;
    this.sender = sender;
    this.preflightInterval = preflightInterval;
  }

  /**
   * Runs the pre-flight check if the request wants one; returns how long to wait before checking
   * again, or empty when ready to send.
   *
   * @throws PreflightException if targets are unusable and waiting cannot help (any more).
   */
  Optional<Duration> prepare(RunRequest request, Instant now) {
    if (ready || (!request.preflight() && request.document() != Document.AUTO)) {
      return Optional.empty();
    }
    if (onlineDeadline == null) {
      onlineDeadline = now.plus(request.waitForOnline());
    }
    Preflight.Report report = new Preflight(ssm).check(request);
    if (report.problems.isEmpty()) {
      documents = report.documents;
      ready = true;
      return Optional.empty();
    }
    if (report.onlyWaitable && now.isBefore(onlineDeadline)) {
      Duration left = Duration.between(now, onlineDeadline);
      return Optional.of(left.compareTo(preflightInterval) < 0 ? left : preflightInterval);
    }
    throw report.exception();
  }

  /**
   * Sends the commands of {@code request} that are not sent yet, adding a tracker per command to
   * {@code out}; returns the pause before calling again (a throttled send, or a lost answer being
   * looked for), or empty once every command is out.
   */
  Optional<Duration> sendAll(RunRequest request, List<CommandTracker> out, Clock clock) {
    if (chunks == null) {
      chunks = new ArrayDeque<>(plan(request));
    }
    while (sending != null || !chunks.isEmpty()) {
      if (sending == null) {
        chunk = chunks.poll();
        String token = sender.newToken();
        sending =
            sender.start(SendRequests.build(request, chunk.document, chunk.ids, token), token);
      }
      CommandSender.Step step;
      try {
        step = sending.next();
      } catch (InvalidInstanceIdException e) {
        sending = null;
        sendToTheRest(e);
        continue;
      }
      if (step.pause() != null) {
        return Optional.of(step.pause());
      }
      out.add(new CommandTracker(step.command().commandId(), chunk.ids, clock.instant()));
      sending = null;
    }
    return Optional.empty();
  }

  /**
   * After a cancel: sends nothing more, but finishes looking for a command whose answer was lost,
   * so that it can be cancelled too. Returns the pause before looking again, or empty when done.
   */
  Optional<Duration> settle(List<CommandTracker> out, Clock clock) {
    if (sending == null) {
      return Optional.empty();
    }
    CommandSender.Step step = sending.recheck();
    if (step.pause() != null) {
      return Optional.of(step.pause());
    }
    if (step.command() != null) {
      out.add(new CommandTracker(step.command().commandId(), chunk.ids, clock.instant()));
    }
    sending = null;
    return Optional.empty();
  }

  private List<Chunk> plan(RunRequest request) {
    List<Chunk> plan = new ArrayList<>();
    if (request.instanceIds().isEmpty()) {
      plan.add(new Chunk(targetDocument(request), List.of()));
    }
    byDocument(request)
        .forEach(
            (document, ids) ->
                SendRequests.chunks(ids).forEach(c -> plan.add(new Chunk(document, c))));
    return plan;
  }

  /**
   * SSM rejects the whole SendCommand if one instance is offline or unknown. That was a 400, so
   * nothing ran: reports those instances as not delivered and sends to the rest next.
   */
  private void sendToTheRest(InvalidInstanceIdException e) {
    List<String> unusable = unusable(chunk.ids);
    if (unusable.isEmpty()) {
      throw e;
    }
    unusable.forEach(
        id ->
            rejected.add(
                Results.unfinished("", id, "Failed", "Undeliverable", Outcome.NOT_DELIVERED)));
    List<String> rest = new ArrayList<>(chunk.ids);
    rest.removeAll(unusable);
    if (!rest.isEmpty()) {
      chunks.addFirst(new Chunk(chunk.document, rest));
    }
  }

  /** Instances of {@code ids} that SSM does not know or does not see online. */
  private List<String> unusable(List<String> ids) {
    Set<String> online = new HashSet<>();
    ssm
        .describeInstances(
            List.of(
                InstanceInformationStringFilter.builder().key("InstanceIds").values(ids).build()))
        .stream()
        .filter(i -> i.pingStatus() == PingStatus.ONLINE)
        .forEach(i -> online.add(i.instanceId()));
    return ids.stream().filter(id -> !online.contains(id)).toList();
  }

  /** Instances that SSM refused to send to (offline or unknown); they never ran. */
  List<InvocationResult> rejected() {
    return List.copyOf(rejected);
  }

  private Map<Document, List<String>> byDocument(RunRequest request) {
    Map<Document, List<String>> groups = new LinkedHashMap<>();
    for (String id : request.instanceIds()) {
      Document d =
          request.document() == Document.AUTO
              ? documents.getOrDefault(id, Document.SHELL)
              : request.document();
      groups.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
    }
    return groups;
  }

  private Document targetDocument(RunRequest request) {
    if (request.document() != Document.AUTO) {
      return request.document();
    }
    Set<Document> found = new HashSet<>(documents.values());
    if (found.size() > 1) {
      throw new PreflightException(
          Map.of(
              String.valueOf(request.targets()),
              "matches both Windows and Linux instances: target each platform separately"));
    }
    return found.isEmpty() ? Document.SHELL : found.iterator().next();
  }
}
