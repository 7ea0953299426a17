package dev.ssmrun;

import dev.ssmrun.internal.DefaultSsmRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Runs commands through SSM Run Command: sends them (several SendCommands for more than 50
 * instances), waits frugally (one paged ListCommandInvocations per command per poll, on an
 * adaptive schedule), and reports each instance's status, exit code and output. Implementations
 * are thread-safe; one runner serves any number of runs.
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
 * <p>A SendCommand is never blindly resent: each carries a unique token in its comment, and when
 * its answer is lost ssmrun looks the token up with ListCommands first. For that, SendCommand is
 * sent with the client's retry strategy limited to throttling errors (a per-request override);
 * every other call keeps the client's retries.
 */
public interface SsmRunner extends AutoCloseable {
  /** A builder; at least {@link Builder#ssmClient} is usually set. */
  static Builder builder() {
    return new Builder();
  }

  /** A runner with SSM and S3 clients from the default AWS region and credential chains. */
  static SsmRunner create() {
    return builder().s3Client(S3Client.create(), true).build();
  }

  /**
   * Runs {@code request} and blocks until every instance finished, the client deadline passed
   * (what still runs is cancelled), or the thread is interrupted (likewise cancelled; the
   * interrupt flag is set again).
   *
   * @throws PreflightException if the pre-flight check rejects the targets; nothing is sent.
   * @throws CommandNotFoundException if SSM never shows a command it accepted.
   */
  CommandResult run(RunRequest request);

  /**
   * Sends {@code request} (after its pre-flight check, if any) and returns a handle while the
   * run goes on in the background.
   *
   * @throws PreflightException if the pre-flight check rejects the targets; nothing is sent.
   */
  RunHandle start(RunRequest request);

  /**
   * Like {@link #run} but returns at once; the run is driven by a scheduler, with no thread
   * blocked while waiting. Cancelling the future cancels the commands.
   */
  CompletableFuture<CommandResult> runAsync(RunRequest request);

  /** Closes the clients and executor this runner created itself (never those passed in). */
  @Override
  void close();

  /** Builds {@link SsmRunner}s. Not thread-safe. */
  final class Builder {
    private SsmClient ssmClient;
    private S3Client s3Client;
    private boolean ownS3;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ScheduledExecutorService scheduler;
    private Duration initialPollDelay = Duration.ofMillis(100);
    private Duration maxPollDelay = Duration.ofSeconds(3);
    private Duration notFoundGrace = Duration.ofSeconds(30);

    private Builder() {}

    /** The SSM client; if unset, one is created from the default chains. */
    public Builder ssmClient(SsmClient ssmClient) {
      this.ssmClient = Objects.requireNonNull(ssmClient, "ssmClient == null");
      return this;
    }

    /** The S3 client used to read full output that SSM truncated, from the output bucket. */
    public Builder s3Client(S3Client s3Client) {
      return s3Client(s3Client, false);
    }

    private Builder s3Client(S3Client s3Client, boolean owned) {
      this.s3Client = Objects.requireNonNull(s3Client, "s3Client == null");
      this.ownS3 = owned;
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
     * The scheduler that drives {@link SsmRunner#start} and {@link SsmRunner#runAsync}; if unset,
     * a two-thread daemon scheduler is created (and shut down by {@link SsmRunner#close()}).
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
      Objects.requireNonNull(initial, "initial == null");
      Objects.requireNonNull(max, "max == null");
      if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
      }
      this.initialPollDelay = initial;
      this.maxPollDelay = max;
      return this;
    }

    /**
     * How long SSM may take to show a command it accepted (it is eventually consistent) before
     * {@link CommandNotFoundException}. Defaults to 30 s.
     */
    public Builder notFoundGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace == null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("notFoundGrace must not be negative, got " + grace);
      }
      this.notFoundGrace = grace;
      return this;
    }

    /** Builds the runner. */
    public SsmRunner build() {
      return DefaultSsmRunner.create(
          ssmClient,
          s3Client,
          ownS3,
          clock,
          sleeper,
          scheduler,
          initialPollDelay,
          maxPollDelay,
          notFoundGrace);
    }
  }
}
