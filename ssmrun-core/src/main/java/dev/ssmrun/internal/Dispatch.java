package dev.ssmrun.internal;

import dev.ssmrun.Document;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.Command;
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
    if (!request.preflight() && request.document() != Document.AUTO) {
      return Optional.empty();
    }
    if (onlineDeadline == null) {
      onlineDeadline = now.plus(request.waitForOnline());
    }
    Preflight.Report report = new Preflight(ssm).check(request);
    if (report.problems.isEmpty()) {
      documents = report.documents;
      return Optional.empty();
    }
    if (report.onlyWaitable && now.isBefore(onlineDeadline)) {
      Duration left = Duration.between(now, onlineDeadline);
      return Optional.of(left.compareTo(preflightInterval) < 0 ? left : preflightInterval);
    }
    throw report.exception();
  }

  /** Sends every command of {@code request}, adding a tracker per command to {@code out}. */
  void sendAll(RunRequest request, List<CommandTracker> out, Clock clock)
      throws InterruptedException {
    if (request.instanceIds().isEmpty()) {
      sendOne(request, targetDocument(request), List.of(), out, clock);
      return;
    }
    for (Map.Entry<Document, List<String>> group : byDocument(request).entrySet()) {
      for (List<String> chunk : SendRequests.chunks(group.getValue())) {
        sendOne(request, group.getKey(), chunk, out, clock);
      }
    }
  }

  private void sendOne(RunRequest request, Document document, List<String> ids,
      List<CommandTracker> out, Clock clock) throws InterruptedException {
    String token = sender.newToken();
    try {
      Command command = sender.send(SendRequests.build(request, document, ids, token), token);
      out.add(new CommandTracker(command.commandId(), ids, clock.instant()));
    } catch (InvalidInstanceIdException e) {
      // SSM rejects the whole SendCommand if one instance is offline or unknown. That was a
      // 400, so nothing ran: report those instances as not delivered and send to the rest.
      List<String> unusable = unusable(ids);
      if (unusable.isEmpty()) {
        throw e;
      }
      unusable.forEach(id -> rejected.add(Results.unfinished("", id, "Failed",
          "Undeliverable", Outcome.NOT_DELIVERED)));
      List<String> rest = new ArrayList<>(ids);
      rest.removeAll(unusable);
      if (!rest.isEmpty()) {
        sendOne(request, document, rest, out, clock);
      }
    }
  }

  /** Instances of {@code ids} that SSM does not know or does not see online. */
  private List<String> unusable(List<String> ids) {
    Set<String> online = new HashSet<>();
    ssm.describeInstances(List.of(InstanceInformationStringFilter.builder().key("InstanceIds")
        .values(ids).build())).stream().filter(i -> i.pingStatus() == PingStatus.ONLINE)
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
      Document d = request.document() == Document.AUTO
          ? documents.getOrDefault(id, Document.SHELL) : request.document();
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
      throw new PreflightException(Map.of(String.valueOf(request.targets()),
          "matches both Windows and Linux instances: target each platform separately"));
    }
    return found.isEmpty() ? Document.SHELL : found.iterator().next();
  }
}
