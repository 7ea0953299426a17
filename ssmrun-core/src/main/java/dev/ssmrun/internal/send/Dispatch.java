package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.watch.SentCommand;
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
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * Gets a run's commands out: the optional pre-flight check (waiting for targets to come online if
 * asked), the choice of document, the payload stage (inline, or staged in S3 with a bootstrap),
 * then one SendCommand per 50 instances or one for tag targets. If a send fails for good, the run
 * cancels the commands already sent: all or nothing.
 */
public final class Dispatch implements Launch {
  private final SsmGateway ssm;
  private final CommandSender sender;
  private final PayloadStage stage;
  private final RunRequest request;
  private final Duration preflightInterval;
  private final Clock clock;
  private final List<SentCommand> sent = new ArrayList<>();
  private final List<InvocationResult> rejected = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private Instant onlineDeadline;
  private Map<String, Document> documents = Map.of();
  private boolean ready;
  private Delivery delivery;
  private Deque<Chunk> chunks;
  private Chunk chunk;
  private CommandSender.Sending sending;

  /** The instances of one SendCommand (empty for tag targets) and its document. */
  private record Chunk(Document document, List<String> ids) {}

  /**
   * A dispatch of {@code request} whose payload {@code stage} prepares; {@code tokens} makes each
   * send's unique token; a lost answer is looked for during {@code lookupWindow}; pre-flight
   * re-checks every {@code preflightInterval}; {@code clock} stamps each command when SSM accepted
   * it.
   */
  public Dispatch(
      SsmGateway ssm,
      RunRequest request,
      PayloadStage stage,
      Supplier<String> tokens,
      Duration lookupWindow,
      Duration preflightInterval,
      Clock clock) {
    this.ssm = ssm;
    this.clock = clock;
    this.request = request;
    this.stage = stage;
    this.sender = new CommandSender(ssm, tokens, lookupWindow);
    this.preflightInterval = preflightInterval;
    MaxErrors.warning(request).ifPresent(warnings::add);
  }

  /**
   * {@inheritDoc}
   *
   * @throws PreflightException if targets are unusable and waiting cannot help (any more).
   * @throws dev.ssmrun.StagingException if the payload cannot be staged; nothing was sent.
   */
  @Override
  public Step step(Instant now) {
    Optional<Duration> wait = prepare(now);
    if (wait.isPresent()) {
      return Step.after(wait.get()); // Waiting for targets to come online.
    }
    if (chunks == null) {
      List<Chunk> plan = plan();
      Set<Document> documents = new HashSet<>();
      plan.forEach(c -> documents.add(c.document));
      delivery = stage.prepare(documents, now);
      warnings.addAll(delivery.warnings());
      chunks = new ArrayDeque<>(plan);
      if (!delivery.warnings().isEmpty()) {
        return Step.after(Duration.ZERO); // The caller hears them before anything is sent.
      }
    }
    while (sending != null || !chunks.isEmpty()) {
      if (sending == null) {
        chunk = chunks.poll();
        String token = sender.newToken();
        sending =
            sender.start(
                SendRequests.build(request, delivery, chunk.document, chunk.ids, token),
                token,
                now);
      }
      CommandSender.Step step;
      try {
        step = sending.next(now);
      } catch (InvalidInstanceIdException e) {
        sending = null;
        sendToTheRest(e);
        continue;
      }
      if (step.pause() != null) {
        return Step.after(step.pause()); // Throttled, or looking for a lost answer.
      }
      sent.add(sentCommand(step, clock.instant()));
      sending = null;
    }
    return Step.done();
  }

  @Override
  public Step settle(Instant now) {
    if (sending == null) {
      return Step.done();
    }
    CommandSender.Step step = sending.recheck(now);
    if (step.pause() != null) {
      return Step.after(step.pause());
    }
    if (step.command() != null) {
      sent.add(sentCommand(step, clock.instant()));
    }
    sending = null;
    return Step.done();
  }

  @Override
  public List<SentCommand> sent() {
    return List.copyOf(sent);
  }

  @Override
  public List<InvocationResult> rejected() {
    return List.copyOf(rejected);
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private SentCommand sentCommand(CommandSender.Step step, Instant now) {
    return new SentCommand(
        step.command().commandId(), chunk.ids, now, step.command().expiresAfter(), logGroup());
  }

  /** Where SSM puts the chunk's output in CloudWatch Logs, if it does. */
  private String logGroup() {
    if (!request.output().cloudWatch()) {
      return null;
    }
    return request
        .output()
        .cloudWatchLogGroup()
        .orElse("/aws/ssm/" + chunk.document.documentName());
  }

  private Optional<Duration> prepare(Instant now) {
    if (ready || (!request.preflight() && request.payload().document() != Document.AUTO)) {
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

  private List<Chunk> plan() {
    List<Chunk> plan = new ArrayList<>();
    if (request.targets().byTags()) {
      plan.add(new Chunk(targetDocument(), List.of()));
    }
    byDocument()
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
                InvocationResult.builder()
                    .commandId("")
                    .instanceId(id)
                    .status("Failed")
                    .statusDetails("Undeliverable")
                    .outcome(Outcome.NOT_DELIVERED)
                    .build()));
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

  private Map<Document, List<String>> byDocument() {
    Map<Document, List<String>> groups = new LinkedHashMap<>();
    for (String id : request.targets().instanceIds()) {
      Document d =
          request.payload().document() == Document.AUTO
              ? documents.getOrDefault(id, Document.SHELL)
              : request.payload().document();
      groups.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
    }
    return groups;
  }

  private Document targetDocument() {
    if (request.payload().document() != Document.AUTO) {
      return request.payload().document();
    }
    Set<Document> found = new HashSet<>(documents.values());
    if (found.size() > 1) {
      throw new PreflightException(
          Map.of(
              String.join(" ", request.targets().describeTags()),
              "matches both Windows and Linux instances: target each platform separately"));
    }
    return found.isEmpty() ? Document.SHELL : found.iterator().next();
  }
}
