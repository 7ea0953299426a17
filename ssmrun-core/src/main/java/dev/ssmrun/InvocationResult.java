package dev.ssmrun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a command on one instance: SSM's status, the exit code, the output and the
 * script's result. A non-zero exit is a normal result, not an exception. This class is immutable
 * and thread-safe.
 *
 * <p><b>Bytes and text.</b> Output is kept as bytes: {@link #stdoutBytes()} is exactly what the
 * script wrote when it was read from S3 (SSM's inline copy has already replaced bytes that are not
 * UTF-8 with U+FFFD, so ssmrun reads such output from S3 when it can), and {@link #stdout()}
 * decodes it as UTF-8. At most the runner's {@code maxOutputBytes} (8 MiB by default) of each
 * stream are kept; the request's {@link OutputSink} receives the whole streams.
 */
public final class InvocationResult {
  private final String commandId;
  private final String instanceId;
  private final String instanceName;
  private final String status;
  private final String statusDetails;
  private final int exitCode;
  private final byte[] stdout;
  private final byte[] stderr;
  private final long stdoutSize;
  private final long stderrSize;
  private final boolean stdoutTruncated;
  private final boolean stderrTruncated;
  private final Instant startTime;
  private final Instant endTime;
  private final String stdoutUrl;
  private final String stderrUrl;
  private final Outcome outcome;
  private final ScriptResult result;

  private InvocationResult(Builder b) {
    this.commandId = Objects.requireNonNull(b.commandId, "commandId == null");
    this.instanceId = Objects.requireNonNull(b.instanceId, "instanceId == null");
    this.instanceName = b.instanceName;
    this.status = b.status;
    this.statusDetails = b.statusDetails;
    this.exitCode = b.exitCode;
    this.stdout = b.stdout;
    this.stderr = b.stderr;
    this.stdoutSize = Math.max(b.stdoutSize, b.stdout.length);
    this.stderrSize = Math.max(b.stderrSize, b.stderr.length);
    this.stdoutTruncated = b.stdoutTruncated;
    this.stderrTruncated = b.stderrTruncated;
    this.startTime = b.startTime;
    this.endTime = b.endTime;
    this.stdoutUrl = b.stdoutUrl;
    this.stderrUrl = b.stderrUrl;
    this.outcome = Objects.requireNonNull(b.outcome, "outcome == null");
    this.result = b.result;
  }

  /** A new builder; mostly for the engine and for tests of code that consumes results. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this result's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The SSM command id, 36 characters; empty if SSM refused to send to this instance. */
  public String commandId() {
    return commandId;
  }

  /** The instance, e.g. {@code "i-0123456789abcdef0"}. */
  public String instanceId() {
    return instanceId;
  }

  /** The instance's name as SSM lists it (its Name tag or host name); empty if unknown. */
  public String instanceName() {
    return instanceName;
  }

  /** SSM's invocation status, e.g. {@code "Success"}, {@code "Failed"}, {@code "TimedOut"}. */
  public String status() {
    return status;
  }

  /** SSM's status details, e.g. {@code "ExecutionTimedOut"} or {@code "Undeliverable"}. */
  public String statusDetails() {
    return statusDetails;
  }

  /** The script's exit code; -1 if it never started or no code was reported. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Standard output decoded as UTF-8: SSM keeps the first 24,000 characters unless it was read
   * from S3 (then up to the runner's {@code maxOutputBytes}).
   */
  public String stdout() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /**
   * Standard error decoded as UTF-8: SSM keeps the first 8,000 characters unless it was read from
   * S3 (then up to the runner's {@code maxOutputBytes}).
   */
  public String stderr() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** Standard output as bytes (a copy): exactly what the script wrote when read from S3. */
  public byte[] stdoutBytes() {
    return stdout.clone();
  }

  /** Standard error as bytes (a copy): exactly what the script wrote when read from S3. */
  public byte[] stderrBytes() {
    return stderr.clone();
  }

  /**
   * The whole standard output's size in bytes, when it was read from S3; otherwise the size of
   * what is held.
   */
  public long stdoutSize() {
    return stdoutSize;
  }

  /** As {@link #stdoutSize()}, for standard error. */
  public long stderrSize() {
    return stderrSize;
  }

  /**
   * True if {@link #stdout()} is cut short: by SSM (the whole output is at {@link #stdoutUrl()}
   * if set, and ssmrun reads it from there when it can) or by the runner's {@code
   * maxOutputBytes} (the request's {@link OutputSink} has all of it).
   */
  public boolean stdoutTruncated() {
    return stdoutTruncated;
  }

  /** As {@link #stdoutTruncated()}, for standard error. */
  public boolean stderrTruncated() {
    return stderrTruncated;
  }

  /**
   * What the script returned: the file it wrote at {@code $SSMRUN_RESULT} when the run collects
   * results ({@link ScriptResult.Source#FILE}); else the last non-empty line of its whole standard
   * output ({@link ScriptResult.Source#LAST_STDOUT_LINE}), when that line is known (not cut off
   * by a truncation that S3 could not repair). Empty if neither.
   */
  public Optional<ScriptResult> result() {
    if (result != null) {
      return Optional.of(result);
    }
    return stdoutTruncated ? Optional.empty() : lastLine(stdout);
  }

  /** The last non-empty (not blank) line of {@code bytes}, without its line end. */
  static Optional<ScriptResult> lastLine(byte[] bytes) {
    int end = bytes.length;
    while (end > 0) {
      int start = end;
      while (start > 0 && bytes[start - 1] != '\n') {
        start--;
      }
      byte[] line = Arrays.copyOfRange(bytes, start, end);
      if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        byte[] text = Arrays.copyOf(line, length);
        return Optional.of(
            ScriptResult.of(text, text.length, ScriptResult.Source.LAST_STDOUT_LINE));
      }
      end = start - 1;
    }
    return Optional.empty();
  }

  /** When the script started on the instance, if it did. */
  public Optional<Instant> startTime() {
    return Optional.ofNullable(startTime);
  }

  /** When the script ended on the instance, if it did. */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** How long the script ran; zero if it never started or has no end time. */
  public Duration elapsed() {
    if (startTime == null || endTime == null || endTime.isBefore(startTime)) {
      return Duration.ZERO;
    }
    return Duration.between(startTime, endTime);
  }

  /** The S3 URL of the full standard output, when an output bucket was set. */
  public Optional<String> stdoutUrl() {
    return Optional.ofNullable(stdoutUrl);
  }

  /** The S3 URL of the full standard error, when an output bucket was set. */
  public Optional<String> stderrUrl() {
    return Optional.ofNullable(stderrUrl);
  }

  /** The outcome class that failure policies count. */
  public Outcome outcome() {
    return outcome;
  }

  /** True if the outcome is {@link Outcome#SUCCESS}. */
  public boolean isSuccessful() {
    return outcome.isSuccess();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InvocationResult r)) {
      return false;
    }
    return commandId.equals(r.commandId)
        && instanceId.equals(r.instanceId)
        && instanceName.equals(r.instanceName)
        && status.equals(r.status)
        && statusDetails.equals(r.statusDetails)
        && exitCode == r.exitCode
        && Arrays.equals(stdout, r.stdout)
        && Arrays.equals(stderr, r.stderr)
        && stdoutSize == r.stdoutSize
        && stderrSize == r.stderrSize
        && stdoutTruncated == r.stdoutTruncated
        && stderrTruncated == r.stderrTruncated
        && Objects.equals(startTime, r.startTime)
        && Objects.equals(endTime, r.endTime)
        && Objects.equals(stdoutUrl, r.stdoutUrl)
        && Objects.equals(stderrUrl, r.stderrUrl)
        && outcome == r.outcome
        && Objects.equals(result, r.result);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        commandId,
        instanceId,
        instanceName,
        status,
        statusDetails,
        exitCode,
        Arrays.hashCode(stdout),
        Arrays.hashCode(stderr),
        stdoutSize,
        stderrSize,
        stdoutTruncated,
        stderrTruncated,
        startTime,
        endTime,
        stdoutUrl,
        stderrUrl,
        outcome,
        result);
  }

  /** Ids, status and sizes only: output may hold secrets, so it is never printed. */
  @Override
  public String toString() {
    return "InvocationResult{instanceId="
        + instanceId
        + ", commandId="
        + commandId
        + ", status="
        + status
        + ", statusDetails="
        + statusDetails
        + ", exitCode="
        + exitCode
        + ", outcome="
        + outcome
        + ", stdoutBytes="
        + stdoutSize
        + ", stderrBytes="
        + stderrSize
        + (result == null ? "" : ", result=" + result)
        + "}";
  }

  /** Builds {@link InvocationResult}s. Not thread-safe. */
  public static final class Builder {
    private String commandId;
    private String instanceId;
    private String instanceName = "";
    private String status = "Pending";
    private String statusDetails = "";
    private int exitCode = -1;
    private byte[] stdout = new byte[0];
    private byte[] stderr = new byte[0];
    private long stdoutSize;
    private long stderrSize;
    private boolean stdoutTruncated;
    private boolean stderrTruncated;
    private Instant startTime;
    private Instant endTime;
    private String stdoutUrl;
    private String stderrUrl;
    private Outcome outcome;
    private ScriptResult result;

    private Builder() {}

    private Builder(InvocationResult r) {
      commandId = r.commandId;
      instanceId = r.instanceId;
      instanceName = r.instanceName;
      status = r.status;
      statusDetails = r.statusDetails;
      exitCode = r.exitCode;
      stdout = r.stdout;
      stderr = r.stderr;
      stdoutSize = r.stdoutSize;
      stderrSize = r.stderrSize;
      stdoutTruncated = r.stdoutTruncated;
      stderrTruncated = r.stderrTruncated;
      startTime = r.startTime;
      endTime = r.endTime;
      stdoutUrl = r.stdoutUrl;
      stderrUrl = r.stderrUrl;
      outcome = r.outcome;
      result = r.result;
    }

    /** Sets the command id. */
    public Builder commandId(String commandId) {
      this.commandId = Objects.requireNonNull(commandId, "commandId == null");
      return this;
    }

    /** Sets the instance's name (null: unknown). */
    public Builder instanceName(String instanceName) {
      this.instanceName = instanceName == null ? "" : instanceName;
      return this;
    }

    /** Sets the instance id. */
    public Builder instanceId(String instanceId) {
      this.instanceId = Objects.requireNonNull(instanceId, "instanceId == null");
      return this;
    }

    /** Sets SSM's status. */
    public Builder status(String status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /** Sets SSM's status details. */
    public Builder statusDetails(String statusDetails) {
      this.statusDetails = Objects.requireNonNull(statusDetails, "statusDetails == null");
      return this;
    }

    /** Sets the exit code (-1: none). */
    public Builder exitCode(int exitCode) {
      this.exitCode = exitCode;
      return this;
    }

    /** Sets standard output as text (held as UTF-8), e.g. SSM's inline copy. */
    public Builder stdout(String stdout) {
      return stdoutBytes(
          Objects.requireNonNull(stdout, "stdout == null").getBytes(StandardCharsets.UTF_8));
    }

    /** Sets standard error as text (held as UTF-8), e.g. SSM's inline copy. */
    public Builder stderr(String stderr) {
      return stderrBytes(
          Objects.requireNonNull(stderr, "stderr == null").getBytes(StandardCharsets.UTF_8));
    }

    /** Sets standard output as bytes (copied), e.g. as read from S3. */
    public Builder stdoutBytes(byte[] stdout) {
      this.stdout = Objects.requireNonNull(stdout, "stdout == null").clone();
      return this;
    }

    /** Sets standard error as bytes (copied), e.g. as read from S3. */
    public Builder stderrBytes(byte[] stderr) {
      this.stderr = Objects.requireNonNull(stderr, "stderr == null").clone();
      return this;
    }

    /** Sets the whole standard output's size in bytes; at least what is held. */
    public Builder stdoutSize(long size) {
      this.stdoutSize = size;
      return this;
    }

    /** Sets the whole standard error's size in bytes; at least what is held. */
    public Builder stderrSize(long size) {
      this.stderrSize = size;
      return this;
    }

    /** Sets the script's result (null: none; {@link InvocationResult#result()} falls back). */
    public Builder result(ScriptResult result) {
      this.result = result;
      return this;
    }

    /** Marks standard output as cut short. */
    public Builder stdoutTruncated(boolean stdoutTruncated) {
      this.stdoutTruncated = stdoutTruncated;
      return this;
    }

    /** Marks standard error as cut short. */
    public Builder stderrTruncated(boolean stderrTruncated) {
      this.stderrTruncated = stderrTruncated;
      return this;
    }

    /** Sets the start time (null: unknown). */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /** Sets the end time (null: unknown). */
    public Builder endTime(Instant endTime) {
      this.endTime = endTime;
      return this;
    }

    /** Sets the S3 URL of standard output (null or empty: none). */
    public Builder stdoutUrl(String stdoutUrl) {
      this.stdoutUrl = stdoutUrl == null || stdoutUrl.isEmpty() ? null : stdoutUrl;
      return this;
    }

    /** Sets the S3 URL of standard error (null or empty: none). */
    public Builder stderrUrl(String stderrUrl) {
      this.stderrUrl = stderrUrl == null || stderrUrl.isEmpty() ? null : stderrUrl;
      return this;
    }

    /** Sets the outcome. */
    public Builder outcome(Outcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome == null");
      return this;
    }

    /**
     * Builds the result.
     *
     * @throws NullPointerException if the command id, instance id or outcome is missing.
     */
    public InvocationResult build() {
      return new InvocationResult(this);
    }
  }
}
