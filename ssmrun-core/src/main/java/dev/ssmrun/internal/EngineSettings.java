package dev.ssmrun.internal;

import java.time.Duration;
import java.util.Objects;

/** Tunables of the engine that are not part of a request. Immutable. */
final class EngineSettings {
  static final EngineSettings DEFAULT =
      new EngineSettings(
          PollSchedule.DEFAULT,
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2));

  /** A poll that made N calls is followed by a pause of at least (N - 1) times this. */
  static final Duration CALL_SPACING = Duration.ofMillis(100);

  /** Progress never brings the poll delay of a run watched by probing below this. */
  static final Duration FLEET_FLOOR = Duration.ofMillis(500);

  final PollSchedule schedule;
  final Duration notFoundGrace;
  final Duration cancelGrace;
  final Duration preflightInterval;

  EngineSettings(
      PollSchedule schedule,
      Duration notFoundGrace,
      Duration cancelGrace,
      Duration preflightInterval) {
    this.schedule = Objects.requireNonNull(schedule, "schedule == null");
    this.notFoundGrace = Objects.requireNonNull(notFoundGrace, "notFoundGrace == null");
    this.cancelGrace = Objects.requireNonNull(cancelGrace, "cancelGrace == null");
    this.preflightInterval = Objects.requireNonNull(preflightInterval, "interval == null");
  }

  EngineSettings withSchedule(PollSchedule s) {
    return new EngineSettings(s, notFoundGrace, cancelGrace, preflightInterval);
  }

  EngineSettings withNotFoundGrace(Duration d) {
    return new EngineSettings(schedule, d, cancelGrace, preflightInterval);
  }

  EngineSettings withCancelGrace(Duration d) {
    return new EngineSettings(schedule, notFoundGrace, d, preflightInterval);
  }
}
