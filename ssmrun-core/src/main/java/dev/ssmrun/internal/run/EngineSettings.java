package dev.ssmrun.internal.run;

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
          Duration.ofSeconds(5));

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

  /** How long a finished invocation waits for CloudWatch's last events, if only it has them. */
  final Duration lateEvents = Duration.ofSeconds(3);

  private Duration closeTimeout;

  EngineSettings(
      PollSchedule schedule,
      Duration notFoundGrace,
      Duration cancelGrace,
      Duration preflightInterval,
      Duration sendLookupWindow,
      Duration attachGrace) {
    this.schedule = Objects.requireNonNull(schedule, "schedule == null");
    this.notFoundGrace = notNegative(notFoundGrace, "notFoundGrace");
    this.cancelGrace = notNegative(cancelGrace, "cancelGrace");
    this.preflightInterval = notNegative(preflightInterval, "preflightInterval");
    this.sendLookupWindow = notNegative(sendLookupWindow, "sendLookupWindow");
    this.attachGrace = notNegative(attachGrace, "attachGrace");
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
        attachGrace);
  }

  /** These settings with another not-found grace window. */
  public EngineSettings withNotFoundGrace(Duration d) {
    return new EngineSettings(
        schedule, d, cancelGrace, preflightInterval, sendLookupWindow, attachGrace);
  }

  /** These settings with another cancel grace. */
  public EngineSettings withCancelGrace(Duration d) {
    return new EngineSettings(
        schedule, notFoundGrace, d, preflightInterval, sendLookupWindow, attachGrace);
  }

  /** These settings with another lookup window for lost SendCommand answers. */
  public EngineSettings withSendLookupWindow(Duration d) {
    return new EngineSettings(
        schedule, notFoundGrace, cancelGrace, preflightInterval, d, attachGrace);
  }

  /** How long {@code close()} waits for cancelled runs: cancel grace, one poll delay, 2 s. */
  Duration closeTimeout() {
    return closeTimeout != null ? closeTimeout : cancelGrace.plus(schedule.max()).plusSeconds(2);
  }

  /** These settings with a fixed close timeout (tests). */
  EngineSettings withCloseTimeout(Duration d) {
    EngineSettings copy =
        new EngineSettings(
            schedule, notFoundGrace, cancelGrace, preflightInterval, sendLookupWindow, attachGrace);
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
