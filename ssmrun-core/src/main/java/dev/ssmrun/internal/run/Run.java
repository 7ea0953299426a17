package dev.ssmrun.internal.run;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Progress;
import dev.ssmrun.Timeouts;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.live.LogTail;
import dev.ssmrun.internal.output.OutputResolver;
import dev.ssmrun.internal.send.Launch;
import dev.ssmrun.internal.staging.RunCleanup;
import dev.ssmrun.internal.watch.PollSchedule;
import dev.ssmrun.internal.watch.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run as a state machine: launch (pre-flight, payload stage and send, or find commands to
 * attach to), watch, drain after a cancel, done. Each {@link #step()} does one round of API calls
 * and says how long to wait before the next, so the same logic serves the blocking driver (a
 * Sleeper) and the asynchronous one (a scheduler).
 *
 * <p>Finished invocations go to {@link Completions}: their whole output is read on the resolver's
 * threads and the listeners hear of them once it is in; the run ends only then (or, after a
 * cancel, when the cancel grace is over). Whatever the run ends with (result, failure, cancel,
 * deadline, interrupt), its {@link RunCleanup} runs first: staged objects are deleted after the
 * last output was read.
 *
 * <p>Threads: {@link #step()} and {@link #abort()} are called by one driver thread at a time (the
 * drivers hand over with a happens-before edge); no lock is held while they call SSM or the
 * listeners. Other threads only {@link #requestCancel()} (an atomic flag) and read {@link
 * #progress()} (a volatile immutable snapshot), so both return at once.
 */
public final class Run {
  private enum Phase {
    LAUNCH,
    WATCH,
    DRAIN,
    DONE
  }

  /** What the run is judged by and how long it may take. */
  record Spec(
      FailurePolicy policy, boolean failFast, List<String> tagTargets, Duration waitTimeout) {}

  private final Spec spec;
  private final SsmGateway ssm;
  private final Launch launch;
  private final Watch watch;
  private final Completions completions;
  private final Clock clock;
  private final EngineSettings settings;
  private final Random random;
  private final Listeners listeners;
  private final RunCleanup cleanup;
  private final AtomicBoolean cancelRequested = new AtomicBoolean();
  private final List<String> warnings = new ArrayList<>();
  private final RunOutcome ending;
  private volatile Progress progress = Progress.of(List.of(), List.of(), false);
  private Phase phase = Phase.LAUNCH;
  private Duration base;
  private Instant deadline;
  private Instant nextPoll;
  private Instant cancelUntil;
  private boolean settling;
  private int warningsHeard;

  Run(
      Spec spec,
      SsmGateway ssm,
      Launch launch,
      OutputResolver output,
      LogTail tail,
      RunCleanup cleanup,
      Clock clock,
      EngineSettings settings,
      Random random,
      Listeners listeners) {
    this.spec = spec;
    this.ssm = ssm;
    this.launch = launch;
    this.watch = new Watch(ssm, settings.notFoundGrace, spec.failFast());
    this.clock = clock;
    this.settings = settings;
    this.random = random;
    this.listeners = listeners;
    this.cleanup = cleanup;
    this.ending = new RunOutcome(spec);
    this.completions = new Completions(output, tail, settings.lateEvents, listeners, this::warn);
    this.base = settings.schedule.initial();
    Instant now = clock.instant();
    this.deadline = spec.waitTimeout() == null ? null : now.plus(spec.waitTimeout());
  }

  /**
   * Does one round; returns the delay before the next, or empty once the result is ready.
   *
   * @throws RuntimeException the run's failure, as {@link RunOutcome#failure} shapes it.
   */
  public Optional<Duration> step() {
    try {
      return switch (phase) {
        case LAUNCH -> launch(clock.instant());
        case WATCH -> watch(clock.instant());
        case DRAIN -> drain(clock.instant());
        case DONE -> Optional.empty();
      };
    } catch (RuntimeException e) {
      throw fail(e);
    } finally {
      publish();
    }
  }

  /** Asks the next step to cancel what still runs. Safe from any thread; returns at once. */
  public void requestCancel() {
    cancelRequested.set(true);
  }

  /** True if a cancel was asked for and the next step has yet to act on it. Driver thread only. */
  boolean cancelPending() {
    return cancelRequested.get() && !settling && (phase == Phase.LAUNCH || phase == Phase.WATCH);
  }

  /**
   * Cancels now (the driver was interrupted), polls once, stops reading output, and ends the run.
   * Driver thread.
   */
  CommandResult abort() {
    try {
      Instant now = clock.instant();
      if (phase == Phase.LAUNCH) {
        ending.cancelledByClient();
        watch.cancelRemaining(); // Commands of a fleet sent before the interrupt.
        finish();
      } else if (phase != Phase.DONE) {
        if (phase == Phase.WATCH) {
          beginCancel(now, false);
        }
        completions.record(watch.poll(now).finished(), now);
        finish();
      }
      return ending.result();
    } catch (RuntimeException e) {
      throw fail(e);
    } finally {
      publish();
    }
  }

  /** True once every command is known (sent or found), or the run ended before. */
  boolean isLaunched() {
    return phase != Phase.LAUNCH;
  }

  /** True once the result (or the failure) is there. */
  boolean isDone() {
    return phase == Phase.DONE;
  }

  /** The result; only once {@link #isDone()}. */
  CommandResult result() {
    return ending.result();
  }

  /** A snapshot of the run; safe from any thread. */
  public Progress progress() {
    return progress;
  }

  /**
   * One look without waiting: launches (sleeping through its pauses) and polls every command
   * once, resolving the whole output of what finished. Caller's thread.
   */
  Progress inspect(dev.ssmrun.Sleeper sleeper) throws InterruptedException {
    for (Optional<Duration> d = step(); phase == Phase.LAUNCH; d = step()) {
      sleeper.sleep(d.orElse(Duration.ZERO));
    }
    try {
      completions.record(watch.poll(clock.instant(), true).finished(), clock.instant());
      while (completions.readingOutput()) {
        sleeper.sleep(Completions.RESOLVE_CHECK);
        completions.tick(clock.instant());
      }
      completions.flush();
    } catch (RuntimeException e) {
      throw fail(e);
    } finally {
      publish();
    }
    return progress;
  }

  private Optional<Duration> launch(Instant now) {
    if (cancelRequested.get() || pastDeadline(now)) {
      return cancelLaunch(now);
    }
    Launch.Step step;
    try {
      step = launch.step(now);
    } finally {
      hearLaunchWarnings(); // After each step: a stage's warnings come before any send.
    }
    learnSent();
    if (!step.isDone()) {
      return Optional.of(step.pause()); // Waiting for targets, staged, or between tries of a send.
    }
    phase = Phase.WATCH;
    Instant sent = clock.instant();
    if (deadline == null) {
      deadline = attachDeadline(sent);
    }
    // A fleet's first commands have waited while the rest were sent: resume their schedule.
    Instant first = watch.firstSent().filter(t -> t.isBefore(sent)).orElse(sent);
    base = settings.schedule.resumed(Duration.between(first, sent));
    Duration d = delay(sent, Duration.ZERO);
    nextPoll = sent.plus(d);
    return Optional.of(d);
  }

  private void learnSent() {
    watch.addAll(launch.sent());
    completions.follow(launch.sent());
  }

  /** An attached run waits until SSM gives up on its last command, plus the margin. */
  private Instant attachDeadline(Instant now) {
    Duration fallback =
        Timeouts.DEFAULT_DELIVERY
            .plus(Timeouts.DEFAULT_EXECUTION)
            .plus(Timeouts.DEFAULT_WAIT_MARGIN);
    Instant byExpiry =
        watch.lastExpiry().map(t -> t.plus(Timeouts.DEFAULT_WAIT_MARGIN)).orElse(null);
    return byExpiry != null && byExpiry.isAfter(now) ? byExpiry : now.plus(fallback);
  }

  /** Ends a run cancelled while launching: nothing more is sent, what was sent is cancelled. */
  private Optional<Duration> cancelLaunch(Instant now) {
    if (!cancelRequested.get()) {
      ending.deadlineExceeded();
    }
    settling = true;
    Launch.Step step = launch.settle(now);
    learnSent();
    if (!step.isDone()) {
      return Optional.of(step.pause()); // A lost send may have run: find it to cancel it.
    }
    ending.cancelledByClient();
    watch.cancelRemaining();
    return finish();
  }

  private Optional<Duration> watch(Instant now) {
    if (cancelRequested.get() || !now.isBefore(deadline)) {
      return beginCancel(now, !cancelRequested.get());
    }
    if (!now.isBefore(nextPoll)) {
      long callsBefore = ssm.callCount();
      Watch.Poll poll = watch.poll(now);
      completions.record(poll.finished(), now);
      if (spec.failFast() && !watch.isComplete() && !watch.policyHolds(spec.policy())) {
        return beginCancel(now, false);
      }
      // A fleet finishes over seconds and each poll costs a probe: progress speeds it up less.
      Duration floor = watch.probes() ? EngineSettings.FLEET_FLOOR : settings.schedule.initial();
      base = settings.schedule.next(base, poll.signal(), floor);
      // A poll that had to list many commands is not repeated at once: a per-run call budget.
      long calls = ssm.callCount() - callsBefore;
      Duration spacing = EngineSettings.CALL_SPACING.multipliedBy(Math.max(0, calls - 1));
      nextPoll = clock.instant().plus(delay(now, spacing));
    }
    completions.tick(clock.instant());
    if (watch.isComplete() && !completions.waiting()) {
      return finish();
    }
    return Optional.of(untilNextWake());
  }

  /** The time to the status poll, the tail's tick or a late invocation, whichever is first. */
  private Duration untilNextWake() {
    Instant wake = watch.isComplete() ? null : nextPoll;
    Optional<Instant> other = completions.nextWake(clock.instant());
    if (other.isPresent() && (wake == null || other.get().isBefore(wake))) {
      wake = other.get();
    }
    if (wake == null) {
      wake = clock.instant();
    }
    Duration d = Duration.between(clock.instant(), wake);
    Duration left = Duration.between(clock.instant(), deadline);
    d = d.compareTo(left) > 0 ? left : d;
    return d.isNegative() ? Duration.ZERO : d;
  }

  private Optional<Duration> beginCancel(Instant now, boolean byDeadline) {
    if (byDeadline) {
      ending.deadlineExceeded();
    }
    ending.cancelledByClient();
    watch.cancelRemaining();
    phase = Phase.DRAIN;
    cancelUntil = now.plus(settings.cancelGrace);
    base = settings.schedule.initial();
    return Optional.of(shorter(base, settings.cancelGrace));
  }

  private Optional<Duration> drain(Instant now) {
    PollSchedule.Signal signal = PollSchedule.Signal.NO_CHANGE;
    if (now.isBefore(cancelUntil)) {
      Watch.Poll poll = watch.poll(now);
      completions.record(poll.finished(), now);
      completions.tick(clock.instant());
      signal = poll.signal();
    }
    if ((watch.isComplete() && !completions.waiting()) || !clock.instant().isBefore(cancelUntil)) {
      return finish();
    }
    base = settings.schedule.next(base, signal);
    return Optional.of(shorter(base, Duration.between(clock.instant(), cancelUntil)));
  }

  /** Ends the run: output still being read is given up (a cancel), the run cleans up. */
  private Optional<Duration> finish() {
    completions.flush();
    watch.finishRemaining();
    phase = Phase.DONE;
    cleanup.run().forEach(this::warn);
    ending.finish(watch.commandIds(), results(), warnings, watch.matchedNothing());
    return Optional.empty();
  }

  private List<InvocationResult> results() {
    List<InvocationResult> all = new ArrayList<>(launch.rejected());
    for (InvocationResult r : watch.finished()) {
      all.add(completions.resolved(r));
    }
    return all;
  }

  private void hearLaunchWarnings() {
    List<String> all = launch.warnings();
    for (int i = warningsHeard; i < all.size(); i++) {
      warn(all.get(i));
    }
    warningsHeard = all.size();
  }

  private void warn(String warning) {
    warnings.add(warning);
    listeners.warning(warning);
  }

  private RuntimeException fail(RuntimeException e) {
    watch.addAll(launch.sent()); // A later send failed: cancel those that made it.
    if (phase != Phase.DONE) {
      watch.cancelRemaining();
      watch.finishRemaining();
      completions.abandon();
      phase = Phase.DONE;
      cleanup.run().forEach(this::warn);
    }
    return ending.failure(e, watch.commandIds(), results(), warnings);
  }

  private void publish() {
    List<InvocationResult> current = new ArrayList<>(launch.rejected());
    for (InvocationResult r : watch.current()) {
      current.add(completions.resolved(r));
    }
    Progress next = Progress.of(watch.commandIds(), current, phase == Phase.DONE);
    if (!next.equals(progress)) {
      progress = next;
      listeners.progress(next);
    }
  }

  private boolean pastDeadline(Instant now) {
    return deadline != null && !now.isBefore(deadline);
  }

  private Duration delay(Instant now, Duration atLeast) {
    Duration d = settings.schedule.jittered(base, random.nextDouble());
    d = d.compareTo(atLeast) < 0 ? atLeast : d;
    Duration left = Duration.between(now, deadline);
    return d.compareTo(left) > 0 ? (left.isNegative() ? Duration.ZERO : left) : d;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
