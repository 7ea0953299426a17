package dev.ssmrun.internal.fake;

import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.watch.Outcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * A scripted SSM on {@link FakeTime}: each instance finishes after a set time with a set status,
 * exit code and output. Counts every call. Hand-written, like OkHttp's FakeDns.
 */
public final class FakeSsmGateway implements SsmGateway {
  /** How one instance behaves. */
  public record Behavior(
      Duration runFor, String status, String details, int exitCode, String stdout, String stderr) {
    public static Behavior ok(Duration runFor, String stdout) {
      return new Behavior(runFor, "Success", "Success", 0, stdout, "");
    }

    public static Behavior fail(Duration runFor, int code, String stderr) {
      return new Behavior(runFor, "Failed", "Failed", code, "", stderr);
    }
  }

  private record FakeCommand(
      String id,
      SendCommandRequest request,
      List<String> instances,
      Instant requestedAt,
      Map<String, Instant> cancelledAt) {}

  public final Map<String, Integer> calls = new LinkedHashMap<>();
  public final Map<String, Behavior> behaviors = new HashMap<>();
  public final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  public final Map<String, String> pingStatus = new HashMap<>();
  public final Map<String, String> platform = new HashMap<>();
  private final Map<String, FakeCommand> commands = new LinkedHashMap<>();
  private final FakeTime time;
  public Behavior defaultBehavior = Behavior.ok(Duration.ofSeconds(1), "ok\n");
  public Duration visibilityDelay = Duration.ZERO;

  /** How long each SendCommand takes (the clock moves on before it returns). */
  public Duration sendTakes = Duration.ZERO;

  public boolean hidden;
  public int loseSendsAfterAccepting;
  public int failSendsBeforeAccepting;
  public int throttleLists;

  /** Each listing counts as throttled once and retried by the SDK (it still succeeds). */
  public boolean retriedThrottleOnEveryList;

  public long throttles;

  /** Listings of commands sent to any of these instances count as throttled and retried. */
  public final java.util.Set<String> throttledInstances = new java.util.HashSet<>();

  /** When each command was listed, by command id. */
  public final Map<String, List<Instant>> listedAt = new LinkedHashMap<>();

  /** Thrown by every listing, if set (e.g. access denied). */
  public RuntimeException listFailure;

  /** SendCommands after this many fail for good (a 400 that nothing cures); -1: never. */
  public int sendsBeforeRefusal = -1;

  /** If true, CancelCommand is accepted but never takes effect. */
  public boolean ignoreCancels;

  /**
   * Where the fake agent uploads whole output (for commands with an output bucket) and results
   * (to the run's presigned result keys); null: nowhere.
   */
  public FakeS3Gateway s3;

  /** What each instance's script writes at $SSMRUN_RESULT, uploaded when it finishes. */
  public final Map<String, byte[]> results = new HashMap<>();

  private final java.util.Set<String> uploaded = new java.util.HashSet<>();

  public FakeSsmGateway(FakeTime time) {
    this.time = time;
  }

  public int calls(String op) {
    return calls.getOrDefault(op, 0);
  }

  public int commandCount() {
    return commands.size();
  }

  public List<SendCommandRequest> sent() {
    return commands.values().stream().map(FakeCommand::request).toList();
  }

  private void count(String op) {
    calls.merge(op, 1, Integer::sum);
  }

  @Override
  public synchronized Command sendCommand(SendCommandRequest request) {
    count("SendCommand");
    time.advance(sendTakes);
    if (sendsBeforeRefusal == 0) {
      throw SsmException.builder()
          .statusCode(400)
          .message("User is not authorized to perform: ssm:SendCommand")
          .awsErrorDetails(
              software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                  .errorCode("AccessDeniedException")
                  .errorMessage("User is not authorized to perform: ssm:SendCommand")
                  .build())
          .build();
    }
    if (sendsBeforeRefusal > 0) {
      sendsBeforeRefusal--;
    }
    if (failSendsBeforeAccepting > 0) {
      failSendsBeforeAccepting--;
      throw SsmException.builder().statusCode(500).message("InternalServerError").build();
    }
    List<String> instances =
        request.hasInstanceIds()
            ? request.instanceIds()
            : resolve(
                request.targets().get(0).key().replace("tag:", ""),
                request.targets().get(0).values()::contains);
    String id = UUID.randomUUID().toString();
    commands.put(id, new FakeCommand(id, request, instances, time.instant(), new HashMap<>()));
    if (loseSendsAfterAccepting > 0) {
      loseSendsAfterAccepting--;
      throw SdkClientException.create("connection reset (fake)");
    }
    return toCommand(commands.get(id));
  }

  private List<String> resolve(String key, Predicate<String> value) {
    List<String> ids = new ArrayList<>();
    tags.forEach(
        (id, t) -> {
          if (t.containsKey(key) && value.test(t.get(key))) {
            ids.add(id);
          }
        });
    return ids;
  }

  @Override
  public synchronized List<CommandInvocation> listInvocations(String commandId) {
    count("ListCommandInvocations");
    if (throttleLists > 0) {
      throttleLists--;
      throttles += 4;
      throw SsmException.builder()
          .statusCode(400)
          .message("Rate exceeded")
          .awsErrorDetails(
              software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                  .errorCode("ThrottlingException")
                  .build())
          .build();
    }
    if (listFailure != null) {
      throw listFailure;
    }
    if (retriedThrottleOnEveryList) {
      throttles++;
    }
    listedAt.computeIfAbsent(commandId, id -> new ArrayList<>()).add(time.instant());
    FakeCommand c = commands.get(commandId);
    if (c != null && c.instances.stream().anyMatch(throttledInstances::contains)) {
      throttles++;
    }
    if (c == null || !visible(c)) {
      return List.of();
    }
    return c.instances.stream().map(i -> invocation(c, i)).toList();
  }

  private boolean visible(FakeCommand c) {
    return !hidden && !time.instant().isBefore(c.requestedAt.plus(visibilityDelay));
  }

  private Behavior behavior(String instanceId) {
    return behaviors.getOrDefault(instanceId, defaultBehavior);
  }

  private String[] state(FakeCommand c, String instanceId) {
    Behavior b = behavior(instanceId);
    Instant end = c.requestedAt.plus(b.runFor);
    Instant cancelled = c.cancelledAt.get(instanceId);
    if (cancelled != null && cancelled.isBefore(end)) {
      return new String[] {"Cancelled", "Cancelled"};
    }
    if (time.instant().isBefore(end)) {
      return new String[] {"InProgress", "InProgress"};
    }
    return new String[] {b.status, b.details};
  }

  private CommandInvocation invocation(FakeCommand c, String instanceId) {
    Behavior b = behavior(instanceId);
    String[] s = state(c, instanceId);
    boolean ended = Outcomes.isTerminal(s[0]);
    boolean completed = ended && !s[0].equals("Cancelled");
    if (completed) {
      upload(c, instanceId, b);
    }
    String stdout =
        b.stdout.length() > 2500
            ? b.stdout.substring(0, 2478) + "\n---Output truncated---"
            : b.stdout;
    String output =
        !completed
            ? ""
            : b.stderr.isEmpty() ? stdout : stdout + "\n----------ERROR-------\n" + b.stderr;
    CommandPlugin plugin =
        CommandPlugin.builder()
            .name("aws:runShellScript")
            .status(s[0])
            .statusDetails(s[1])
            .responseCode(completed ? b.exitCode : ended ? 137 : -1)
            .output(output)
            .responseStartDateTime(c.requestedAt)
            .responseFinishDateTime(ended ? time.instant() : null)
            .build();
    return CommandInvocation.builder()
        .commandId(c.id)
        .instanceId(instanceId)
        .instanceName("host-" + instanceId)
        .status(s[0])
        .statusDetails(s[1])
        .commandPlugins(plugin)
        .standardOutputUrl(outputUrl(c, instanceId, "stdout"))
        .standardErrorUrl(outputUrl(c, instanceId, "stderr"))
        .build();
  }

  /** The agent's upload when the script ends: whole output, and the result. Once. */
  private void upload(FakeCommand c, String instanceId, Behavior b) {
    if (s3 == null || !uploaded.add(c.id + "/" + instanceId)) {
      return;
    }
    String bucket = c.request.outputS3BucketName();
    if (bucket != null) {
      if (!b.stdout.isEmpty()) {
        s3.putObject(
            bucket,
            outputKey(c, instanceId, "stdout"),
            b.stdout.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (!b.stderr.isEmpty()) {
        s3.putObject(
            bucket,
            outputKey(c, instanceId, "stderr"),
            b.stderr.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    byte[] result = results.get(instanceId);
    if (result != null) { // To the URL the latest run presigned for this instance.
      s3.presignedPuts.stream()
          .filter(key -> key.endsWith("/results/" + instanceId))
          .reduce((first, second) -> second)
          .ifPresent(key -> s3.putObject(stagingBucket, key, result));
    }
  }

  /** The staging bucket the fake agent uploads results to. */
  public String stagingBucket = "staging";

  private static String outputKey(FakeCommand c, String instanceId, String stream) {
    String prefix = c.request.outputS3KeyPrefix();
    return (prefix == null || prefix.isEmpty() ? "" : prefix + "/")
        + c.id
        + "/"
        + instanceId
        + "/awsrunShellScript/0.awsrunShellScript/"
        + stream;
  }

  private static String outputUrl(FakeCommand c, String instanceId, String stream) {
    String bucket = c.request.outputS3BucketName();
    return bucket == null
        ? ""
        : "https://s3.us-east-1.amazonaws.com/" + bucket + "/" + outputKey(c, instanceId, stream);
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 20) + "--output truncated--";
  }

  @Override
  public synchronized GetCommandInvocationResponse getInvocation(
      String commandId, String instanceId) {
    count("GetCommandInvocation");
    FakeCommand c = commands.get(commandId);
    if (c == null || !visible(c) || !c.instances.contains(instanceId)) {
      throw InvocationDoesNotExistException.builder().statusCode(400).build();
    }
    Behavior b = behavior(instanceId);
    String[] s = state(c, instanceId);
    boolean completed = Outcomes.isTerminal(s[0]) && !s[0].equals("Cancelled");
    if (completed) {
      upload(c, instanceId, b);
    }
    return GetCommandInvocationResponse.builder()
        .commandId(commandId)
        .instanceId(instanceId)
        .status(s[0])
        .statusDetails(s[1])
        .responseCode(completed ? b.exitCode : 137)
        .standardOutputContent(completed ? cut(b.stdout, 24_000) : "")
        .standardErrorContent(completed ? cut(b.stderr, 8_000) : "")
        .standardOutputUrl(outputUrl(c, instanceId, "stdout"))
        .standardErrorUrl(outputUrl(c, instanceId, "stderr"))
        .executionStartDateTime(c.requestedAt.toString())
        .executionEndDateTime(time.instant().toString())
        .build();
  }

  @Override
  public synchronized Optional<Command> findCommand(String commandId) {
    count("ListCommands");
    FakeCommand c = commands.get(commandId);
    return c == null || !visible(c) ? Optional.empty() : Optional.of(toCommand(c));
  }

  @Override
  public synchronized List<Command> listCommandsSince(Instant after) {
    count("ListCommands");
    return commands.values().stream()
        .filter(this::visible)
        .filter(c -> !c.requestedAt.isBefore(after))
        .map(this::toCommand)
        .toList();
  }

  private Command toCommand(FakeCommand c) {
    List<String> states = c.instances.stream().map(i -> state(c, i)[0]).toList();
    int completed = (int) states.stream().filter(Outcomes::isTerminal).count();
    int errors =
        (int) states.stream().filter(s -> s.equals("Failed") || s.equals("TimedOut")).count();
    boolean done = completed == c.instances.size();
    int timeout = c.request.timeoutSeconds() == null ? 3600 : c.request.timeoutSeconds();
    return Command.builder()
        .commandId(c.id)
        .instanceIds(c.request.hasInstanceIds() ? c.request.instanceIds() : List.of())
        .requestedDateTime(c.requestedAt)
        .expiresAfter(c.requestedAt.plusSeconds(timeout + 3600L))
        .comment(c.request.comment())
        .status(done ? "Success" : "InProgress")
        .targetCount(c.instances.size())
        .completedCount(completed)
        .errorCount(errors)
        .deliveryTimedOutCount(0)
        .build();
  }

  @Override
  public synchronized void cancel(String commandId, List<String> instanceIds) {
    count("CancelCommand");
    if (ignoreCancels) {
      return;
    }
    FakeCommand c = commands.get(commandId);
    List<String> which = instanceIds.isEmpty() ? c.instances : instanceIds;
    which.forEach(i -> c.cancelledAt.putIfAbsent(i, time.instant()));
  }

  @Override
  public synchronized List<InstanceInformation> describeInstances(
      List<InstanceInformationStringFilter> filters) {
    count("DescribeInstanceInformation");
    List<InstanceInformation> found = new ArrayList<>();
    for (String id : tags.keySet()) {
      if (filters.stream().allMatch(f -> matches(id, f))) {
        found.add(
            InstanceInformation.builder()
                .instanceId(id)
                .pingStatus(pingStatus.getOrDefault(id, "Online"))
                .platformType(platform.getOrDefault(id, "Linux"))
                .build());
      }
    }
    return found;
  }

  private boolean matches(String id, InstanceInformationStringFilter f) {
    if (f.key().equals("InstanceIds")) {
      return f.values().contains(id);
    }
    String tag = tags.get(id).get(f.key().replace("tag:", ""));
    return tag != null && f.values().contains(tag);
  }

  @Override
  public String region() {
    return "us-east-1";
  }

  @Override
  public synchronized long throttleCount() {
    return throttles;
  }

  @Override
  public synchronized long callCount() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * A per-run view, as the engine gets one gateway per run: it meters only its own calls and
   * the throttling they met, while the fake's state is shared.
   */
  public SsmGateway view() {
    FakeSsmGateway fake = this;
    return new DelegatingGateway(this) {
      private long calls;
      private long throttled;

      @Override
      protected <T> T call(java.util.function.Supplier<T> call) {
        long before;
        synchronized (fake) {
          before = fake.throttles;
        }
        try {
          return call.get();
        } finally {
          synchronized (fake) {
            throttled += fake.throttles - before;
          }
          calls++;
        }
      }

      @Override
      public long throttleCount() {
        return throttled;
      }

      @Override
      public long callCount() {
        return calls;
      }
    };
  }

  /** Registers instances i-0000000000000000N .. with tag Role=web (odd) or worker (even). */
  public List<String> addInstances(int count) {
    List<String> ids = new ArrayList<>();
    for (int n = tags.size() + 1; ids.size() < count; n++) {
      String id = String.format("i-%017d", n);
      tags.put(id, Map.of("Role", n % 2 == 1 ? "web" : "worker"));
      ids.add(id);
    }
    return ids;
  }
}
