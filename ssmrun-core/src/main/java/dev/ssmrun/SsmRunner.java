package dev.ssmrun;

import dev.ssmrun.internal.run.DefaultSsmRunner;
import dev.ssmrun.internal.run.EngineSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Runs commands through SSM Run Command: sends them (one SendCommand per 50 instances, or one for
 * tag targets), waits frugally and reports each instance's status, exit code and output.
 * Implementations are thread-safe; one runner serves any number of runs at once, each with its
 * own poll schedule and call metering.
 *
 * <pre>{@code
 * try (SsmRunner runner = SsmRunner.create()) {
 *   CommandResult result = runner.run(RunRequest.builder()
 *       .script("uptime")
 *       .addInstanceId("i-0123456789abcdef0")
 *       .build());
 *   System.out.print(result.invocations().get(0).stdout());
 * }
 * }</pre>
 *
 * <p><b>How it waits.</b> A run of one command for up to 50 instances lists its invocations
 * ({@code ListCommandInvocations}, details on) on an adaptive schedule: 100 ms first, 1.2 times
 * longer while nothing changes, up to 3 s, half as long when something finished, twice as long
 * when SSM throttled. A fleet (several commands, or more than 50 instances) asks {@code
 * ListCommands} once per poll for all its commands' counts and lists a command only when its
 * counts say there is news. {@code GetCommandInvocation} is called only when the listing cannot
 * prove it holds an instance's whole output.
 *
 * <p><b>Never run twice.</b> SendCommand is sent with the client's retries limited to throttling,
 * which SSM refuses before running anything. Each request carries a unique token in its comment;
 * when its answer is lost (timeout, 5xx, reset), ssmrun searches {@code ListCommands} for the
 * token for up to {@link Builder#sendLookupWindow} (20 s by default, with backoff) and sends again
 * only if it is not found by then. A command that SSM accepted but shows only after that window
 * could run twice: set a longer window where ListCommands lags more.
 *
 * <p><b>Through S3.</b> With a {@link Builder#staging staging location}, payloads too large for a
 * SendCommand (and secret environment, input and results) are staged in S3 and instances fetch
 * them through presigned URLs (they need no S3 permission); SSM's output goes there too, so that
 * output truncated by SSM is read back whole. Each run deletes its objects when it ends.
 */
public interface SsmRunner extends AutoCloseable {
  /** A builder; at least {@link Builder#ssmClient} is usually set. */
  static Builder builder() {
    return new Builder();
  }

  /** A runner with SSM and S3 clients from the default AWS region and credential chains. */
  static SsmRunner create() {
    return builder().build();
  }

  /**
   * Runs {@code request} on the calling thread and returns when every instance finished, the client
   * deadline passed (what still runs is cancelled), or the thread is interrupted (likewise
   * cancelled; the interrupt flag is set again).
   *
   * @throws PreflightException if the pre-flight check rejects the targets; nothing is sent.
   * @throws RunFailedException if the run fails as a whole after it began; it names the commands
   *     already sent (cancelled) and carries the partial result.
   * @throws IllegalStateException if the runner is closed.
   */
  default CommandResult run(RunRequest request) {
    return run(request, new ProgressListener() {});
  }

  /** As {@link #run(RunRequest)}, with {@code listener} hearing the run from its start. */
  CommandResult run(RunRequest request, ProgressListener listener);

  /**
   * Sends {@code request} (after its pre-flight check, if any) on the calling thread and returns a
   * handle while the run goes on in the background.
   *
   * @throws PreflightException if the pre-flight check rejects the targets; nothing is sent.
   * @throws RunFailedException if sending fails; it names the commands already sent.
   * @throws IllegalStateException if the runner is closed.
   */
  default RunHandle start(RunRequest request) {
    return start(request, new ProgressListener() {});
  }

  /** As {@link #start(RunRequest)}, with {@code listener} hearing the run from its start. */
  RunHandle start(RunRequest request, ProgressListener listener);

  /**
   * Sends {@code request} (after its pre-flight check, if any) on the calling thread and returns
   * the command ids without watching them: nothing polls, nothing is cancelled, and closing the
   * runner leaves them running. For "fire and forget"; {@link #attach} watches them later. A
   * staged payload (and output SSM writes under the staging location) stays in S3 in the run's
   * folder, as the instances need it and nothing watches the run to its end: expire it with an S3
   * lifecycle rule on the staging prefix.
   *
   * @throws PreflightException if the pre-flight check rejects the targets; nothing is sent.
   * @throws RunFailedException if sending fails; it names the commands already sent (cancelled).
   * @throws IllegalStateException if the runner is closed.
   */
  List<String> send(RunRequest request);

  /**
   * Like {@link #run} but returns at once; the run, sending included, is driven by the scheduler,
   * with no thread blocked while waiting. Cancelling the future cancels the commands. Failures
   * complete it exceptionally; its {@code join()} and {@code get()} add the caller's stack as a
   * suppressed exception.
   *
   * @throws IllegalStateException if the runner is closed.
   */
  default CompletableFuture<CommandResult> runAsync(RunRequest request) {
    return runAsync(request, new ProgressListener() {});
  }

  /** As {@link #runAsync(RunRequest)}, with {@code listener} hearing the run from its start. */
  CompletableFuture<CommandResult> runAsync(RunRequest request, ProgressListener listener);

  /**
   * Watches commands already sent, by this process or another: the handle's progress, {@code
   * await}, result and {@code cancel()} work as for {@link #start}. SSM is looked up on the calling
   * thread first.
   *
   * @throws CommandNotFoundException if SSM does not show a command within 5 s.
   * @throws IllegalStateException if the runner is closed.
   */
  default RunHandle attach(AttachRequest request) {
    return attach(request, new ProgressListener() {});
  }

  /**
   * As {@link #attach(AttachRequest)}, with {@code listener} hearing the run from its start: what
   * is known when the call returns (e.g. a warning that a command has no live output) and the first
   * poll, which {@link RunHandle#addListener} could miss.
   */
  RunHandle attach(AttachRequest request, ProgressListener listener);

  /** Same as {@code attach(AttachRequest.of(commandIds))}. */
  default RunHandle attach(String... commandIds) {
    return attach(AttachRequest.of(commandIds));
  }

  /**
   * Looks at commands once, on the calling thread, without waiting or cancelling: every invocation
   * with its current status; finished ones with their whole output (read from S3 when SSM
   * truncated it and the command had an output bucket).
   *
   * @throws CommandNotFoundException if SSM does not show a command within 5 s.
   */
  Progress inspect(String... commandIds);

  /**
   * Closes the runner. Runs still in flight are cancelled first (CancelCommand sent) and complete:
   * their handles and futures with a result whose unfinished invocations are {@link
   * Outcome#CANCELLED_BY_CLIENT}, or with a {@link RunFailedException} if they could not finish
   * within the cancel grace; blocking {@link #run} calls notice within one poll delay. Then the
   * clients and the scheduler this runner created itself are closed (never those passed in).
   */
  @Override
  void close();

  /** Builds {@link SsmRunner}s. Not thread-safe. */
  final class Builder {
    private SsmClient ssmClient;
    private S3Client s3Client;
    private CloudWatchLogsClient logsClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ScheduledExecutorService scheduler;
    private EngineSettings settings = EngineSettings.DEFAULT;

    private Builder() {}

    /** The SSM client; if unset, one is created from the default chains (and closed with us). */
    public Builder ssmClient(SsmClient ssmClient) {
      this.ssmClient = Objects.requireNonNull(ssmClient, "ssmClient == null");
      return this;
    }

    /**
     * The S3 client that stages payloads and reads whole output and results; it also signs the
     * presigned URLs instances use. If unset, one is created when first needed, in the SSM
     * client's region with its credentials (and closed with the runner).
     */
    public Builder s3Client(S3Client s3Client) {
      this.s3Client = Objects.requireNonNull(s3Client, "s3Client == null");
      return this;
    }

    /**
     * The CloudWatch Logs client that tails live output ({@link RunRequest.Builder#followOutput});
     * if unset, one is created from the default chains when first needed (and closed with the
     * runner).
     */
    public Builder logsClient(CloudWatchLogsClient logsClient) {
      this.logsClient = Objects.requireNonNull(logsClient, "logsClient == null");
      return this;
    }

    /** The clock for deadlines and grace windows. Defaults to the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How {@link SsmRunner#run} waits between polls. Defaults to {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The scheduler that drives {@link SsmRunner#start}, {@link SsmRunner#runAsync} and {@link
     * SsmRunner#attach}; if unset, a two-thread daemon scheduler is created (and shut down by
     * {@link SsmRunner#close()}).
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * The poll schedule: {@code initial} before the first poll (default 100 ms), growing while
     * nothing changes up to {@code max} (default 3 s).
     *
     * @throws IllegalArgumentException unless {@code 0 < initial <= max}.
     */
    public Builder pollDelays(Duration initial, Duration max) {
      this.settings = settings.withPollDelays(initial, max);
      return this;
    }

    /**
     * How long SSM may take to show a command it accepted (it is eventually consistent) before
     * {@link CommandNotFoundException}. Defaults to 30 s.
     */
    public Builder notFoundGrace(Duration grace) {
      this.settings = settings.withNotFoundGrace(grace);
      return this;
    }

    /**
     * How long ssmrun searches ListCommands for a SendCommand whose answer was lost before it
     * sends it again (searches back off from 500 ms to 4 s). Defaults to 20 s.
     */
    public Builder sendLookupWindow(Duration window) {
      this.settings = settings.withSendLookupWindow(window);
      return this;
    }

    /**
     * How long, after a cancel (client deadline, {@code cancel()}, fail-fast, interrupt, close),
     * ssmrun keeps polling for SSM to confirm it before it reports the rest as cancelled. Defaults
     * to 2 s, so that a run returns within about 2 s of its client deadline.
     */
    public Builder cancelGrace(Duration grace) {
      this.settings = settings.withCancelGrace(grace);
      return this;
    }

    /**
     * The staging location for runs that set none: where large payloads, secret environment,
     * input, results and (without an output bucket) output go. Default: none, so such runs fail
     * with {@link StagingException} before sending; output then comes from an output bucket only.
     */
    public Builder staging(StagingLocation location) {
      this.settings = settings.withStaging(location);
      return this;
    }

    /**
     * Payloads whose rendered SendCommand parameters (script, arguments, environment, as JSON)
     * pass {@code bytes} are staged. Default 48 KiB (49,152 bytes); SSM refuses about 64 KB of
     * document and parameters.
     *
     * @throws IllegalArgumentException unless {@code 1024 <= bytes <= 60,000}.
     */
    public Builder stagingThreshold(int bytes) {
      this.settings = settings.withStagingThreshold(bytes);
      return this;
    }

    /**
     * How many bytes of each instance's stdout, stderr and result a {@link CommandResult} keeps in
     * memory; the request's {@link OutputSink} gets the whole streams. Default 8 MiB.
     *
     * @throws IllegalArgumentException if {@code bytes} is below 24,000.
     */
    public Builder maxOutputBytes(int bytes) {
      this.settings = settings.withMaxOutputBytes(bytes);
      return this;
    }

    /** Builds the runner. */
    public SsmRunner build() {
      return DefaultSsmRunner.create(
          ssmClient, s3Client, logsClient, clock, sleeper, scheduler, settings);
    }
  }
}
