package dev.ssmrun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to run and where: a {@link Payload} (script or argv, arguments, environment, document),
 * its {@link Targets}, {@link Timeouts}, {@link OutputOptions} and {@link StagingOptions}, and how
 * the fleet rolls out (SSM's MaxConcurrency and MaxErrors, the failure policy, fail-fast,
 * pre-flight). This class is immutable and thread-safe; create it with {@link #builder()}.
 *
 * <pre>{@code
 * RunRequest request = RunRequest.builder()
 *     .script("systemctl restart app && curl -fsS localhost:8080/health")
 *     .addTarget("Role", List.of("web"))
 *     .putEnvironment("APP_VERSION", "1.2.3")
 *     .executionTimeout(Duration.ofMinutes(5))
 *     .failurePolicy(FailurePolicy.atMost(1))
 *     .build();
 * }</pre>
 *
 * <p><b>Strict mode</b> (on by default): a shell script of more than one line runs with {@code
 * set -e}, so a failing line stops the script and fails the invocation instead of being masked by
 * the last line's exit status. Turn it off with {@link Builder#strictMode(boolean)}.
 *
 * <p><b>MaxErrors follows the failure policy</b> unless set: SSM's default of 0 would stop the
 * rollout at the first failure even where the policy allows more. See {@link Builder#maxErrors}.
 *
 * <p>Environment values and arguments are quoted for the shell, so any character is safe. Without
 * staging they are part of the command's parameters, which SSM keeps in its command history (any
 * caller of ListCommands can read them): pass secrets with {@link Builder#putSecretEnvironment},
 * which travel only inside the staged, encrypted payload. With a staging location (on the request
 * or the runner), plain environment values are staged too.
 *
 * <p><b>Large scripts.</b> A payload whose SendCommand would pass the runner's staging threshold
 * (48 KiB by default) is uploaded to the staging location and SSM runs a short bootstrap that
 * downloads it through a presigned URL, checks its SHA-256 and runs it; see {@link
 * StagingOptions}. Without a staging location such a run fails with a {@link StagingException}
 * before anything is sent.
 */
public final class RunRequest {
  private final Payload payload;
  private final Targets targets;
  private final Timeouts timeouts;
  private final OutputOptions output;
  private final StagingOptions staging;
  private final String comment;
  private final String maxConcurrency;
  private final String maxErrors;
  private final FailurePolicy failurePolicy;
  private final boolean failFast;
  private final boolean preflight;
  private final Duration waitForOnline;

  private RunRequest(Builder b) {
    payload =
        new Payload(
            b.script,
            b.command,
            b.arguments,
            b.environment,
            b.secretEnvironment,
            b.workingDirectory,
            b.strictMode,
            b.document);
    targets = new Targets(List.copyOf(b.instanceIds), b.targets);
    timeouts = new Timeouts(b.executionTimeout, b.deliveryTimeout, b.waitTimeout);
    output =
        new OutputOptions(
            b.outputS3Bucket,
            b.outputS3Prefix,
            b.cloudWatch,
            b.logGroup,
            b.outputFromS3,
            b.outputSink,
            b.follow);
    staging =
        new StagingOptions(b.stagingLocation, b.stage, b.keepStaged, b.input, b.collectResults);
    comment = b.comment;
    maxConcurrency = b.maxConcurrency;
    maxErrors = b.maxErrors;
    failurePolicy = b.failurePolicy;
    failFast = b.failFast;
    preflight = b.preflight;
    waitForOnline = b.waitForOnline;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * What runs: script or command, arguments, environment, working directory, strict mode,
   * document.
   */
  public Payload payload() {
    return payload;
  }

  /** Where it runs: instance ids or tag targets. */
  public Targets targets() {
    return targets;
  }

  /** Delivery, execution and client timeouts. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** S3 and CloudWatch output settings, and where whole output streams go. */
  public OutputOptions output() {
    return output;
  }

  /** The staging location, forced staging, kept objects, input and results. */
  public StagingOptions staging() {
    return staging;
  }

  /** The user's part of the SSM comment (ssmrun appends its own token). */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /** SSM {@code MaxConcurrency}, e.g. {@code "10"} or {@code "25%"}; SSM's default (50) if unset. */
  public Optional<String> maxConcurrency() {
    return Optional.ofNullable(maxConcurrency);
  }

  /**
   * SSM {@code MaxErrors} as set, e.g. {@code "0"} or {@code "10%"}; if unset, ssmrun derives it
   * from the {@link #failurePolicy()} (see {@link Builder#maxErrors}).
   */
  public Optional<String> maxErrors() {
    return Optional.ofNullable(maxErrors);
  }

  /** How many failed instances are acceptable. Defaults to {@link FailurePolicy#none()}. */
  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** True if the rest is cancelled as soon as the failure policy is violated. Default false. */
  public boolean failFast() {
    return failFast;
  }

  /**
   * True if targets are checked with {@code DescribeInstanceInformation} before sending. Off by
   * default in the library (the {@code ssmrun} command turns it on); {@link Document#AUTO} implies
   * it.
   */
  public boolean preflight() {
    return preflight;
  }

  /** How long the pre-flight check waits for offline targets to come online; zero: no wait. */
  public Duration waitForOnline() {
    return waitForOnline;
  }

  /** Counts and settings only: scripts and environment values may hold secrets. */
  @Override
  public String toString() {
    return "RunRequest{"
        + payload
        + ", "
        + targets
        + ", "
        + timeouts
        + ", "
        + staging
        + ", policy="
        + failurePolicy
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunRequest other && key().equals(other.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  private List<Object> key() {
    return java.util.Arrays.asList(
        payload,
        targets,
        timeouts,
        output,
        staging,
        comment,
        maxConcurrency,
        maxErrors,
        failurePolicy,
        failFast,
        preflight,
        waitForOnline);
  }

  /** Builds {@link RunRequest}s; setters check their argument, {@link #build()} the whole. */
  public static final class Builder {
    private String script;
    private final List<String> command = new ArrayList<>();
    private final Set<String> instanceIds = new LinkedHashSet<>();
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> secretEnvironment = new LinkedHashMap<>();
    private String workingDirectory;
    private Duration executionTimeout = Timeouts.DEFAULT_EXECUTION;
    private Duration deliveryTimeout = Timeouts.DEFAULT_DELIVERY;
    private Duration waitTimeout;
    private String comment;
    private String maxConcurrency;
    private String maxErrors;
    private String outputS3Bucket;
    private String outputS3Prefix = "";
    private boolean cloudWatch;
    private String logGroup;
    private boolean outputFromS3;
    private OutputSink outputSink;
    private StagingLocation stagingLocation;
    private boolean stage;
    private boolean keepStaged;
    private ScriptInput input;
    private boolean collectResults;
    private boolean follow;
    private FailurePolicy failurePolicy = FailurePolicy.none();
    private boolean failFast;
    private boolean strictMode = true;
    private boolean preflight;
    private Duration waitForOnline = Duration.ZERO;
    private Document document = Document.SHELL;

    private Builder() {}

    private Builder(RunRequest r) {
      script = r.payload.script().orElse(null);
      command.addAll(r.payload.command());
      arguments.addAll(r.payload.arguments());
      environment.putAll(r.payload.environment());
      secretEnvironment.putAll(r.payload.secretEnvironment());
      workingDirectory = r.payload.workingDirectory().orElse(null);
      strictMode = r.payload.strictMode();
      document = r.payload.document();
      instanceIds.addAll(r.targets.instanceIds());
      r.targets.tags().forEach((k, v) -> targets.put(k, new ArrayList<>(v)));
      executionTimeout = r.timeouts.execution();
      deliveryTimeout = r.timeouts.delivery();
      waitTimeout = r.timeouts.waitTimeout().orElse(null);
      outputS3Bucket = r.output.s3Bucket().orElse(null);
      outputS3Prefix = r.output.s3Prefix();
      cloudWatch = r.output.cloudWatch();
      logGroup = r.output.cloudWatchLogGroup().orElse(null);
      outputFromS3 = r.output.alwaysFromS3();
      outputSink = r.output.sink().orElse(null);
      stagingLocation = r.staging.location().orElse(null);
      stage = r.staging.forced();
      keepStaged = r.staging.keepObjects();
      input = r.staging.input().orElse(null);
      collectResults = r.staging.collectResultsSetting();
      follow = r.output.follow();
      comment = r.comment;
      maxConcurrency = r.maxConcurrency;
      maxErrors = r.maxErrors;
      failurePolicy = r.failurePolicy;
      failFast = r.failFast;
      preflight = r.preflight;
      waitForOnline = r.waitForOnline;
    }

    /** The script to run, as text; replaces any earlier script or command. */
    public Builder script(String script) {
      this.script = Objects.requireNonNull(script, "script == null");
      command.clear();
      return this;
    }

    /** The script to run, one line per element; replaces any earlier script or command. */
    public Builder scriptLines(List<String> lines) {
      Objects.requireNonNull(lines, "lines == null");
      return script(String.join("\n", lines));
    }

    /**
     * An argv-style command, e.g. {@code command("ls", "-la", "my dir")}: every argument is quoted
     * for the shell, so it reaches the program unchanged. Replaces any earlier script or command.
     */
    public Builder command(String... argv) {
      return command(List.of(argv));
    }

    /** Same as {@link #command(String...)}. */
    public Builder command(List<String> argv) {
      Objects.requireNonNull(argv, "argv == null");
      argv.forEach(a -> Objects.requireNonNull(a, "argument == null"));
      command.clear();
      command.addAll(argv);
      script = null;
      return this;
    }

    /**
     * The script's arguments, e.g. {@code arguments("deploy", "my app")}: {@code $1}, {@code $2}
     * in a shell script, {@code sys.argv[1:]} in Python. Each is quoted, so it arrives unchanged;
     * with a command, put them in its argv instead. Replaces earlier arguments.
     */
    public Builder arguments(String... arguments) {
      return arguments(List.of(arguments));
    }

    /** Same as {@link #arguments(String...)}. */
    public Builder arguments(List<String> arguments) {
      Objects.requireNonNull(arguments, "arguments == null");
      arguments.forEach(a -> Objects.requireNonNull(a, "argument == null"));
      this.arguments.clear();
      this.arguments.addAll(arguments);
      return this;
    }

    /**
     * Adds an instance id, e.g. {@code i-0123456789abcdef0}. Any number is fine: more than 50 are
     * sent as several commands and merged into one result.
     *
     * @throws InvalidRequestException if the id is malformed.
     */
    public Builder addInstanceId(String instanceId) {
      Objects.requireNonNull(instanceId, "instanceId == null");
      RequestChecks.instanceId(instanceId);
      instanceIds.add(instanceId);
      return this;
    }

    /** Adds each of {@code ids}; see {@link #addInstanceId(String)}. */
    public Builder instanceIds(Collection<String> ids) {
      Objects.requireNonNull(ids, "ids == null").forEach(this::addInstanceId);
      return this;
    }

    /**
     * Adds a tag target, e.g. {@code addTarget("Role", List.of("web"))}; SSM runs on every
     * instance with one of the values. The key {@code "instanceids"} lists instance ids.
     */
    public Builder addTarget(String key, List<String> values) {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(values, "values == null").forEach(v -> Objects.requireNonNull(v, "v"));
      targets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
      return this;
    }

    /**
     * Sets the environment variable {@code name} for the script. The value is quoted, so any text
     * is safe. Without staging it is part of the command's parameters, kept in SSM's command
     * history: use {@link #putSecretEnvironment} for secrets.
     *
     * @throws InvalidRequestException if {@code name} is not a valid variable name.
     */
    public Builder putEnvironment(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      RequestChecks.envName(name);
      secretEnvironment.remove(name);
      environment.put(name, value);
      return this;
    }

    /**
     * Sets the environment variable {@code name} for the script, travelling only inside the
     * staged, encrypted payload (deleted after the run), never in the command's parameters. A run
     * with secret environment needs a staging location; without one it fails with a {@link
     * StagingException} before anything is sent.
     *
     * @throws InvalidRequestException if {@code name} is not a valid variable name.
     */
    public Builder putSecretEnvironment(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      RequestChecks.envName(name);
      environment.remove(name);
      secretEnvironment.put(name, value);
      return this;
    }

    /** Sets the directory the script starts in. */
    public Builder workingDirectory(String directory) {
      RequestChecks.workingDirectory(Objects.requireNonNull(directory, "directory == null"));
      this.workingDirectory = directory;
      return this;
    }

    /**
     * Sets how long the script may run, rounded up to whole seconds: {@link
     * Timeouts#MIN_EXECUTION 5 s} to {@link Timeouts#MAX_EXECUTION 48 h}; default {@link
     * Timeouts#DEFAULT_EXECUTION 1 h}. Shorter values are refused because the agent would
     * silently run them for an hour.
     *
     * @throws InvalidRequestException if out of range.
     */
    public Builder executionTimeout(Duration timeout) {
      Duration d = ceilSeconds(Objects.requireNonNull(timeout, "timeout == null"));
      RequestChecks.executionTimeout(d);
      this.executionTimeout = d;
      return this;
    }

    /**
     * Sets how long SSM tries to deliver the command, rounded up to whole seconds: {@link
     * Timeouts#MIN_DELIVERY 30 s} to {@link Timeouts#MAX_DELIVERY 30 days}; default {@link
     * Timeouts#DEFAULT_DELIVERY 10 min}.
     *
     * @throws InvalidRequestException if out of range.
     */
    public Builder deliveryTimeout(Duration timeout) {
      Duration d = ceilSeconds(Objects.requireNonNull(timeout, "timeout == null"));
      RequestChecks.deliveryTimeout(d);
      this.deliveryTimeout = d;
      return this;
    }

    /**
     * Sets the client deadline: when it passes, ssmrun cancels what still runs and reports it as
     * {@link Outcome#CANCELLED_BY_CLIENT}; the run returns within about 2 s of it. Default: see
     * {@link Timeouts#effectiveWait()}.
     *
     * @throws InvalidRequestException if not positive.
     */
    public Builder waitTimeout(Duration timeout) {
      RequestChecks.positive("waitTimeout", Objects.requireNonNull(timeout, "timeout == null"));
      this.waitTimeout = timeout;
      return this;
    }

    /** Sets the comment shown in SSM's console, at most 80 characters. */
    public Builder comment(String comment) {
      RequestChecks.comment(Objects.requireNonNull(comment, "comment == null"));
      this.comment = comment;
      return this;
    }

    /** Sets SSM {@code MaxConcurrency}: a count ({@code "10"}) or a percentage ({@code "25%"}). */
    public Builder maxConcurrency(String maxConcurrency) {
      Objects.requireNonNull(maxConcurrency, "maxConcurrency == null");
      RequestChecks.maxConcurrency(maxConcurrency);
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Sets SSM {@code MaxErrors}: a count ({@code "0"}) or a percentage ({@code "10%"}). Unset, it
     * follows the failure policy: {@code atMost(n)} sends {@code n}; {@code fraction(f)} sends the
     * matching count of the command's instances, or {@code ceil(100 f)%} for tag targets; {@code
     * allowInstances(ids)} sends their count; {@code none()} leaves SSM's default of 0. A value
     * stricter than the policy is sent as given, with a warning on the result.
     */
    public Builder maxErrors(String maxErrors) {
      RequestChecks.maxErrors(Objects.requireNonNull(maxErrors, "maxErrors == null"));
      this.maxErrors = maxErrors;
      return this;
    }

    /**
     * Has SSM write the full output to {@code s3://bucket/prefix/...}; ssmrun reads truncated
     * output back from there.
     *
     * @throws InvalidRequestException if the bucket name or the prefix is invalid.
     */
    public Builder outputS3(String bucket, String prefix) {
      Objects.requireNonNull(bucket, "bucket == null");
      Objects.requireNonNull(prefix, "prefix == null");
      RequestChecks.bucket("outputS3", bucket);
      RequestChecks.prefix("outputS3", prefix);
      this.outputS3Bucket = bucket;
      this.outputS3Prefix = prefix;
      return this;
    }

    /**
     * If true, stdout and stderr are always read whole from S3 (the output bucket, else the
     * staging location), byte for byte, not only when SSM truncated them or replaced bytes that
     * are not UTF-8. Default false.
     */
    public Builder outputFromS3(boolean always) {
      this.outputFromS3 = always;
      return this;
    }

    /**
     * Writes each instance's whole stdout, stderr and result to {@code sink}, streamed, never held
     * in memory; see {@link OutputSink#files} and {@link OutputSink#resultFiles}.
     */
    public Builder outputSink(OutputSink sink) {
      this.outputSink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * Where this run stages its payload, input, results and (unless {@link #outputS3} is set)
     * output; overrides the runner's {@link SsmRunner.Builder#staging}.
     */
    public Builder staging(StagingLocation location) {
      this.stagingLocation = Objects.requireNonNull(location, "location == null");
      return this;
    }

    /**
     * If true, the payload is staged in S3 even when it would fit in the SendCommand. Default
     * false (staged only when needed; see {@link StagingOptions}).
     */
    public Builder stage(boolean always) {
      this.stage = always;
      return this;
    }

    /**
     * If true, the run's objects (payload, input, results, output) stay in S3 after the run, under
     * {@code <prefix><run id>/}. Default false: deleted when the run ends, however it ends.
     */
    public Builder keepStagedObjects(boolean keep) {
      this.keepStaged = keep;
      return this;
    }

    /**
     * Stages {@code input} for the script, found at the path in {@code $SSMRUN_INPUT} on each
     * instance, and collects results ({@link #collectResults}). Needs a staging location.
     */
    public Builder input(ScriptInput input) {
      this.input = Objects.requireNonNull(input, "input == null");
      return this;
    }

    /**
     * If true, each instance uploads the file its script writes at the path in {@code
     * $SSMRUN_RESULT} through a presigned URL (the instance needs no S3 permission), and {@link
     * InvocationResult#result()} holds it. Needs a staging location. Default false, unless an
     * {@link #input} is set.
     */
    public Builder collectResults(boolean collect) {
      this.collectResults = collect;
      return this;
    }

    /** Has SSM send the output to CloudWatch Logs, in SSM's default log group. */
    public Builder cloudWatchOutput(boolean enabled) {
      this.cloudWatch = enabled;
      return this;
    }

    /** Has SSM send the output to CloudWatch Logs, in {@code logGroup}. */
    public Builder cloudWatchOutput(String logGroup) {
      RequestChecks.logGroup(Objects.requireNonNull(logGroup, "logGroup == null"));
      this.cloudWatch = true;
      this.logGroup = logGroup;
      return this;
    }

    /**
     * If true, the command is sent with CloudWatch output on (in the group of {@link
     * #cloudWatchOutput(String)}, else SSM's {@code /aws/ssm/<document>}) and ssmrun tails it
     * while the command runs: listeners get each instance's lines as {@link
     * ProgressListener#onOutput} chunks, about a second after the agent uploads them. It costs
     * one {@code FilterLogEvents} call (paged) per second for the whole run, at most 4 requests a
     * second, backing off when throttled; status polling is not slowed.
     *
     * <p>Exactly once: the chunks of a stream concatenate to the invocation's final output. They
     * come from CloudWatch while the command runs (complete lines only) and from the final output
     * when the invocation ends (its inline output, or S3 when SSM truncated it and the command has
     * an output bucket; without one, from CloudWatch's late events, waited for a few seconds).
     * CloudWatch carries text, not bytes: output that is not UTF-8, or that has CR LF line ends
     * (which the agent uploads as LF), may differ in those bytes; then a warning says so.
     *
     * <p>Missing Logs permissions or a log group that never appears leave the run unchanged, with
     * one warning on the result and {@link ProgressListener#onWarning}. Default false.
     */
    public Builder followOutput(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** Sets how many failed instances are acceptable. */
    public Builder failurePolicy(FailurePolicy policy) {
      this.failurePolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** If true, cancels the rest as soon as the failure policy is violated. Default false. */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /** If true (the default), multi-line shell scripts run with {@code set -e}. */
    public Builder strictMode(boolean strictMode) {
      this.strictMode = strictMode;
      return this;
    }

    /**
     * If true, checks that targets are known, online and of the right platform before sending.
     * Default false.
     */
    public Builder preflight(boolean preflight) {
      this.preflight = preflight;
      return this;
    }

    /** With pre-flight, waits up to {@code wait} for offline targets to come online. */
    public Builder waitForOnline(Duration wait) {
      Objects.requireNonNull(wait, "wait == null");
      RequestChecks.notNegative("waitForOnline", wait);
      this.waitForOnline = wait;
      return this;
    }

    /** Sets the SSM document; {@link Document#AUTO} picks one per instance platform. */
    public Builder document(Document document) {
      this.document = Objects.requireNonNull(document, "document == null");
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalStateException if there is no script or command, no targets, or arguments
     *     with a command.
     */
    public RunRequest build() {
      if (script == null && command.isEmpty()) {
        throw new IllegalStateException(
            "nothing to run: set a script (script, scriptLines)"
                + " or a command (command(\"ls\", \"-la\"))");
      }
      if (script != null && script.isBlank()) {
        throw new IllegalStateException("the script is empty: give the commands to run");
      }
      if (script == null && !arguments.isEmpty()) {
        throw new IllegalStateException(
            "arguments go with a script; with command(...), put them in its argv");
      }
      RequestChecks.targets(List.copyOf(instanceIds), targets);
      return new RunRequest(this);
    }

    private static Duration ceilSeconds(Duration d) {
      long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
      return Duration.ofSeconds(seconds);
    }
  }
}
