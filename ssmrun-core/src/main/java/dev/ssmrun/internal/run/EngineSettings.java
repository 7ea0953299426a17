package dev.ssmrun.internal.run;

import dev.ssmrun.StagingLocation;
import dev.ssmrun.internal.watch.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/** Tunables of the engine that are not part of a request. Immutable. */
public final class EngineSettings {
  /** The defaults that {@code SsmRunner.Builder} documents. */
  public static final EngineSettings DEFAULT =
      new EngineSettings(
          PollSchedule.DEFAULT,
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofSeconds(20),
          Duration.ofSeconds(5),
          StagingSettings.DEFAULT);

  /** A poll that made N calls is followed by a pause of at least (N - 1) times this. */
  static final Duration CALL_SPACING = Duration.ofMillis(100);

  /** Progress never brings the poll delay of a run watched by probing below this. */
  static final Duration FLEET_FLOOR = Duration.ofMillis(500);

  final PollSchedule schedule;
  final Duration notFoundGrace;
  final Duration cancelGrace;
  final Duration preflightInterval;
  final Duration sendLookupWindow;
  final Duration attachGrace;
  final StagingSettings staging;

  /** How long a finished invocation waits for CloudWatch's last events, if only it has them. */
  final Duration lateEvents = Duration.ofSeconds(3);

  private Duration closeTimeout;

  /**
   * The runner's staging defaults: its staging location (null: none), the size of SendCommand
   * parameters above which payloads are staged, and how many bytes of each output stream a
   * result keeps in memory.
   */
  public record StagingSettings(StagingLocation location, int threshold, int maxOutputBytes) {
    /** 48 KiB, well below SSM's 64 KB for document plus parameters. */
    public static final int DEFAULT_THRESHOLD = 48 * 1024;

    /** 8 MiB per stream. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    static final StagingSettings DEFAULT =
        new StagingSettings(null, DEFAULT_THRESHOLD, DEFAULT_MAX_OUTPUT_BYTES);
  }

  EngineSettings(
      PollSchedule schedule,
      Duration notFoundGrace,
      Duration cancelGrace,
      Duration preflightInterval,
      Duration sendLookupWindow,
      Duration attachGrace,
      StagingSettings staging) {
    this.schedule = Objects.requireNonNull(schedule, "schedule == null");
    this.notFoundGrace = notNegative(notFoundGrace, "notFoundGrace");
    this.cancelGrace = notNegative(cancelGrace, "cancelGrace");
    this.preflightInterval = notNegative(preflightInterval, "preflightInterval");
    this.sendLookupWindow = notNegative(sendLookupWindow, "sendLookupWindow");
    this.attachGrace = notNegative(attachGrace, "attachGrace");
    this.staging = Objects.requireNonNull(staging, "staging == null");
  }

  /**
   * These settings with a poll schedule from {@code initial} to {@code max}.
   *
   * @throws IllegalArgumentException unless {@code 0 < initial <= max}.
   */
  public EngineSettings withPollDelays(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial == null");
    Objects.requireNonNull(max, "max == null");
    return new EngineSettings(
        new PollSchedule(initial, max, 1.2, 0.1),
        notFoundGrace,
        cancelGrace,
        preflightInterval,
        sendLookupWindow,
        attachGrace,
        staging);
  }

  /** These settings with another not-found grace window. */
  public EngineSettings withNotFoundGrace(Duration d) {
    return new EngineSettings(
        schedule, d, cancelGrace, preflightInterval, sendLookupWindow, attachGrace, staging);
  }

  /** These settings with another cancel grace. */
  public EngineSettings withCancelGrace(Duration d) {
    return new EngineSettings(
        schedule, notFoundGrace, d, preflightInterval, sendLookupWindow, attachGrace, staging);
  }

  /** These settings with another lookup window for lost SendCommand answers. */
  public EngineSettings withSendLookupWindow(Duration d) {
    return new EngineSettings(
        schedule, notFoundGrace, cancelGrace, preflightInterval, d, attachGrace, staging);
  }

  /**
   * These settings with {@code location} as the runner's staging location.
   *
   * @throws NullPointerException if {@code location} is null.
   */
  public EngineSettings withStaging(StagingLocation location) {
    Objects.requireNonNull(location, "location == null");
    return withStagingSettings(
        new StagingSettings(location, staging.threshold(), staging.maxOutputBytes()));
  }

  /**
   * These settings staging payloads whose SendCommand parameters pass {@code bytes}.
   *
   * @throws IllegalArgumentException unless {@code 1 KiB <= bytes <= 60,000}.
   */
  public EngineSettings withStagingThreshold(int bytes) {
    if (bytes < 1024 || bytes > 60_000) {
      throw new IllegalArgumentException(
          "stagingThreshold must be between 1024 and 60000 bytes (SSM refuses about 64 KB of"
              + " document and parameters), got "
              + bytes);
    }
    return withStagingSettings(
        new StagingSettings(staging.location(), bytes, staging.maxOutputBytes()));
  }

  /**
   * These settings keeping at most {@code bytes} of each output stream in memory.
   *
   * @throws IllegalArgumentException unless {@code bytes >= 24,000} (SSM's inline stdout).
   */
  public EngineSettings withMaxOutputBytes(int bytes) {
    if (bytes < 24_000) {
      throw new IllegalArgumentException(
          "maxOutputBytes must be at least 24000 (what SSM returns inline), got " + bytes);
    }
    return withStagingSettings(new StagingSettings(staging.location(), staging.threshold(), bytes));
  }

  private EngineSettings withStagingSettings(StagingSettings s) {
    return new EngineSettings(
        schedule, notFoundGrace, cancelGrace, preflightInterval, sendLookupWindow, attachGrace, s);
  }

  /** How long {@code close()} waits for cancelled runs: cancel grace, one poll delay, 2 s. */
  Duration closeTimeout() {
    return closeTimeout != null ? closeTimeout : cancelGrace.plus(schedule.max()).plusSeconds(2);
  }

  /** These settings with a fixed close timeout (tests). */
  EngineSettings withCloseTimeout(Duration d) {
    EngineSettings copy = withStagingSettings(staging);
    copy.closeTimeout = d;
    return copy;
  }

  private static Duration notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
    return d;
  }
}
