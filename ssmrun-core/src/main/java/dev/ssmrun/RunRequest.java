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
 * What to run and where: a script (or an argv-style command) for instances or tag targets, with
 * its environment, timeouts, output settings and failure policy. This class is immutable and
 * thread-safe; create it with {@link #builder()}.
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
 * <p>Environment values and command arguments are quoted for the shell, so any character is safe.
 * They are part of the command's parameters, which SSM keeps in its command history: do not pass
 * secrets this way.
 */
public final class RunRequest {
  /** Added to delivery plus execution timeout when no {@code waitTimeout} is given. */
  public static final Duration DEFAULT_WAIT_MARGIN = Duration.ofMinutes(1);

  private final String script;
  private final List<String> command;
  private final List<String> instanceIds;
  private final Map<String, List<String>> targets;
  private final Map<String, String> environment;
  private final String workingDirectory;
  private final Duration executionTimeout;
  private final Duration deliveryTimeout;
  private final Duration waitTimeout;
  private final String comment;
  private final String maxConcurrency;
  private final String maxErrors;
  private final String outputS3Bucket;
  private final String outputS3Prefix;
  private final boolean cloudWatchOutput;
  private final String cloudWatchLogGroup;
  private final FailurePolicy failurePolicy;
  private final boolean failFast;
  private final boolean strictMode;
  private final boolean preflight;
  private final Duration waitForOnline;
  private final Document document;

  private RunRequest(Builder b) {
    script = b.script;
    command = List.copyOf(b.command);
    instanceIds = List.copyOf(b.instanceIds);
    Map<String, List<String>> t = new LinkedHashMap<>();
    b.targets.forEach((k, v) -> t.put(k, List.copyOf(v)));
    targets = java.util.Collections.unmodifiableMap(t);
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    workingDirectory = b.workingDirectory;
    executionTimeout = b.executionTimeout;
    deliveryTimeout = b.deliveryTimeout;
    waitTimeout = b.waitTimeout;
    comment = b.comment;
    maxConcurrency = b.maxConcurrency;
    maxErrors = b.maxErrors;
    outputS3Bucket = b.outputS3Bucket;
    outputS3Prefix = b.outputS3Prefix;
    cloudWatchOutput = b.cloudWatchOutput;
    cloudWatchLogGroup = b.cloudWatchLogGroup;
    failurePolicy = b.failurePolicy;
    failFast = b.failFast;
    strictMode = b.strictMode;
    preflight = b.preflight;
    waitForOnline = b.waitForOnline;
    document = b.document;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The script text, unless the request holds an argv-style {@link #command()}. */
  public Optional<String> script() {
    return Optional.ofNullable(script);
  }

  /** The argv-style command; empty when the request holds a {@link #script()}. */
  public List<String> command() {
    return command;
  }

  /** Instance ids in the order given, without duplicates; empty when tag targets are used. */
  public List<String> instanceIds() {
    return instanceIds;
  }

  /** Tag targets, key to values, e.g. {@code Role -> [web, api]}; SSM resolves them. */
  public Map<String, List<String>> targets() {
    return targets;
  }

  /** Environment variables exported before the script runs. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The directory the script starts in, if set; otherwise SSM's default. */
  public Optional<String> workingDirectory() {
    return Optional.ofNullable(workingDirectory);
  }

  /** How long the script may run before SSM kills it. Defaults to 1 hour. */
  public Duration executionTimeout() {
    return executionTimeout;
  }

  /** How long SSM tries to deliver the command to an instance. Defaults to 10 minutes. */
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** The client deadline as set; see {@link #effectiveWaitTimeout()}. */
  public Optional<Duration> waitTimeout() {
    return Optional.ofNullable(waitTimeout);
  }

  /**
   * How long the client waits before cancelling what still runs: the {@link #waitTimeout()} if
   * set, else delivery timeout plus execution timeout plus {@link #DEFAULT_WAIT_MARGIN}.
   */
  public Duration effectiveWaitTimeout() {
    if (waitTimeout != null) {
      return waitTimeout;
    }
    return deliveryTimeout.plus(executionTimeout).plus(DEFAULT_WAIT_MARGIN);
  }

  /** The user's part of the SSM comment (ssmrun appends its own token). */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /** SSM {@code MaxConcurrency}, e.g. {@code "10"} or {@code "25%"}; SSM's default if unset. */
  public Optional<String> maxConcurrency() {
    return Optional.ofNullable(maxConcurrency);
  }

  /** SSM {@code MaxErrors}, e.g. {@code "0"} or {@code "10%"}; SSM's default if unset. */
  public Optional<String> maxErrors() {
    return Optional.ofNullable(maxErrors);
  }

  /** The S3 bucket SSM writes full output to, if set. */
  public Optional<String> outputS3Bucket() {
    return Optional.ofNullable(outputS3Bucket);
  }

  /** The S3 key prefix for output; empty if none. */
  public String outputS3Prefix() {
    return outputS3Prefix;
  }

  /** True if SSM should send output to CloudWatch Logs. */
  public boolean cloudWatchOutput() {
    return cloudWatchOutput;
  }

  /** The CloudWatch log group, if set; otherwise SSM's default ({@code /aws/ssm/<document>}). */
  public Optional<String> cloudWatchLogGroup() {
    return Optional.ofNullable(cloudWatchLogGroup);
  }

  /** How many failed instances are acceptable. Defaults to {@link FailurePolicy#none()}. */
  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** True if the rest is cancelled as soon as the failure policy is violated. */
  public boolean failFast() {
    return failFast;
  }

  /** True (the default) if multi-line shell scripts run with {@code set -e}. */
  public boolean strictMode() {
    return strictMode;
  }

  /** True if targets are checked with {@code DescribeInstanceInformation} before sending. */
  public boolean preflight() {
    return preflight;
  }

  /** How long the pre-flight check waits for offline targets to come online; zero: no wait. */
  public Duration waitForOnline() {
    return waitForOnline;
  }

  /** The SSM document. Defaults to {@link Document#SHELL}. */
  public Document document() {
    return document;
  }

  /** Counts and settings only: scripts and environment values may hold secrets. */
  @Override
  public String toString() {
    return "RunRequest{instances="
        + instanceIds.size()
        + ", targets="
        + targets.keySet()
        + ", scriptLength="
        + (script == null ? command.size() + " args" : script.length())
        + ", environment="
        + environment.keySet()
        + ", executionTimeout="
        + executionTimeout
        + ", deliveryTimeout="
        + deliveryTimeout
        + ", waitTimeout="
        + effectiveWaitTimeout()
        + ", policy="
        + failurePolicy
        + ", document="
        + document
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
        script,
        command,
        instanceIds,
        targets,
        environment,
        workingDirectory,
        executionTimeout,
        deliveryTimeout,
        waitTimeout,
        comment,
        maxConcurrency,
        maxErrors,
        outputS3Bucket,
        outputS3Prefix,
        cloudWatchOutput,
        cloudWatchLogGroup,
        failurePolicy,
        failFast,
        strictMode,
        preflight,
        waitForOnline,
        document);
  }

  /** Builds {@link RunRequest}s; setters check their argument, {@link #build()} the whole. */
  public static final class Builder {
    private String script;
    private final List<String> command = new ArrayList<>();
    private final Set<String> instanceIds = new LinkedHashSet<>();
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String workingDirectory;
    private Duration executionTimeout = Duration.ofHours(1);
    private Duration deliveryTimeout = Duration.ofMinutes(10);
    private Duration waitTimeout;
    private String comment;
    private String maxConcurrency;
    private String maxErrors;
    private String outputS3Bucket;
    private String outputS3Prefix = "";
    private boolean cloudWatchOutput;
    private String cloudWatchLogGroup;
    private FailurePolicy failurePolicy = FailurePolicy.none();
    private boolean failFast;
    private boolean strictMode = true;
    private boolean preflight;
    private Duration waitForOnline = Duration.ZERO;
    private Document document = Document.SHELL;

    private Builder() {}

    private Builder(RunRequest r) {
      script = r.script;
      command.addAll(r.command);
      instanceIds.addAll(r.instanceIds);
      r.targets.forEach((k, v) -> targets.put(k, new ArrayList<>(v)));
      environment.putAll(r.environment);
      workingDirectory = r.workingDirectory;
      executionTimeout = r.executionTimeout;
      deliveryTimeout = r.deliveryTimeout;
      waitTimeout = r.waitTimeout;
      comment = r.comment;
      maxConcurrency = r.maxConcurrency;
      maxErrors = r.maxErrors;
      outputS3Bucket = r.outputS3Bucket;
      outputS3Prefix = r.outputS3Prefix;
      cloudWatchOutput = r.cloudWatchOutput;
      cloudWatchLogGroup = r.cloudWatchLogGroup;
      failurePolicy = r.failurePolicy;
      failFast = r.failFast;
      strictMode = r.strictMode;
      preflight = r.preflight;
      waitForOnline = r.waitForOnline;
      document = r.document;
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
     * Adds an instance id, e.g. {@code i-0123456789abcdef0}. Any number is fine: more than 50 are
     * sent as several commands and merged into one result.
     *
     * @throws IllegalArgumentException if the id is malformed.
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
     * Exports {@code name=value} before the script. The value is quoted, so any text is safe.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid variable name.
     */
    public Builder putEnvironment(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      RequestChecks.envName(name);
      environment.put(name, value);
      return this;
    }

    /** Sets the directory the script starts in. */
    public Builder workingDirectory(String directory) {
      RequestChecks.workingDirectory(Objects.requireNonNull(directory, "directory == null"));
      this.workingDirectory = directory;
      return this;
    }

    /**
     * Sets how long the script may run, rounded up to whole seconds: 1 s to 48 h.
     *
     * @throws IllegalArgumentException if out of range.
     */
    public Builder executionTimeout(Duration timeout) {
      Duration d = ceilSeconds(Objects.requireNonNull(timeout, "timeout == null"));
      RequestChecks.executionTimeout(d);
      this.executionTimeout = d;
      return this;
    }

    /**
     * Sets how long SSM tries to deliver the command, rounded up to whole seconds: 30 s to 30 days.
     *
     * @throws IllegalArgumentException if out of range.
     */
    public Builder deliveryTimeout(Duration timeout) {
      Duration d = ceilSeconds(Objects.requireNonNull(timeout, "timeout == null"));
      RequestChecks.deliveryTimeout(d);
      this.deliveryTimeout = d;
      return this;
    }

    /**
     * Sets the client deadline: when it passes, ssmrun cancels what still runs and reports it as
     * {@link Outcome#CANCELLED_BY_CLIENT}.
     *
     * @throws IllegalArgumentException if not positive.
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

    /** Sets SSM {@code MaxErrors}: a count ({@code "0"}) or a percentage ({@code "10%"}). */
    public Builder maxErrors(String maxErrors) {
      RequestChecks.maxErrors(Objects.requireNonNull(maxErrors, "maxErrors == null"));
      this.maxErrors = maxErrors;
      return this;
    }

    /** Has SSM write the full output to {@code s3://bucket/prefix/...}. */
    public Builder outputS3(String bucket, String prefix) {
      Objects.requireNonNull(bucket, "bucket == null");
      Objects.requireNonNull(prefix, "prefix == null");
      RequestChecks.s3(bucket, prefix);
      this.outputS3Bucket = bucket;
      this.outputS3Prefix = prefix;
      return this;
    }

    /** Has SSM send the output to CloudWatch Logs, in SSM's default log group. */
    public Builder cloudWatchOutput(boolean enabled) {
      this.cloudWatchOutput = enabled;
      return this;
    }

    /** Has SSM send the output to CloudWatch Logs, in {@code logGroup}. */
    public Builder cloudWatchOutput(String logGroup) {
      Objects.requireNonNull(logGroup, "logGroup == null");
      if (logGroup.isEmpty() || logGroup.length() > 512) {
        throw new IllegalArgumentException("log group name must have 1 to 512 characters");
      }
      this.cloudWatchOutput = true;
      this.cloudWatchLogGroup = logGroup;
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

    /** If true, checks that targets are known, online and of the right platform first. */
    public Builder preflight(boolean preflight) {
      this.preflight = preflight;
      return this;
    }

    /** With pre-flight, waits up to {@code wait} for offline targets to come online. */
    public Builder waitForOnline(Duration wait) {
      Objects.requireNonNull(wait, "wait == null");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("waitForOnline must not be negative, got " + wait);
      }
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
     * @throws IllegalStateException if there is no script or command, or no targets.
     * @throws IllegalArgumentException if the script is too large for SSM.
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
      RequestChecks.targets(List.copyOf(instanceIds), targets);
      RequestChecks.scriptSize(script == null ? String.join(" ", command) : script, environment);
      return new RunRequest(this);
    }

    private static Duration ceilSeconds(Duration d) {
      long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
      return Duration.ofSeconds(seconds);
    }
  }
}
