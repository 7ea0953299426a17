package dev.ssmrun.internal.run;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Progress;
import dev.ssmrun.Timeouts;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.output.OutputResolver;
import dev.ssmrun.internal.send.Launch;
import dev.ssmrun.internal.staging.RunCleanup;
import dev.ssmrun.internal.watch.PollSchedule;
import dev.ssmrun.internal.watch.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run as a state machine: launch (pre-flight, payload stage and send, or find commands to
 * attach to), watch, drain after a cancel, resolve (whole output still being read), done. Each
 * {@link #step()} does one round of API calls and says how long to wait before the next, so the
 * same logic serves the blocking driver (a Sleeper) and the asynchronous one (a scheduler).
 *
 * <p>Output: each finished invocation is handed to the {@link OutputResolver}, which reads what
 * S3 holds on its own threads; the run collects the resolved invocations at its next step (and
 * only then tells the listeners), and ends once all are resolved. Whatever the run ends with
 * (result, failure, cancel, deadline, interrupt), its {@link RunCleanup} runs first: staged
 * objects are deleted after the last output was read.
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
    RESOLVE,
    DONE
  }

  /** How often a run waiting only for output reads checks on them. */
  static final Duration RESOLVE_CHECK = Duration.ofMillis(20);

  /** What the run is judged by and how long it may take. */
  record Spec(
      FailurePolicy policy, boolean failFast, List<String> tagTargets, Duration waitTimeout) {}

  private final Spec spec;
  private final SsmGateway ssm;
  private final Launch launch;
  private final Watch watch;
  private final OutputResolver output;
  private final RunCleanup cleanup;
  private final Clock clock;
  private final EngineSettings settings;
  private final Random random;
  private final Listeners listeners;
  private final AtomicBoolean cancelRequested = new AtomicBoolean();
  private final Map<String, InvocationResult> resolved = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<InvocationResult>> resolving = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final RunOutcome ending;
  private volatile Progress progress = Progress.of(List.of(), List.of(), false);
  private Phase phase = Phase.LAUNCH;
  private Duration base;
  private Instant deadline;
  private Instant cancelUntil;
  private boolean settling;
  private boolean matchedNothing;
  private int warningsHeard;

  Run(
      Spec spec,
      SsmGateway ssm,
      Launch launch,
      OutputResolver output,
      RunCleanup cleanup,
      Clock clock,
      EngineSettings settings,
      Random random,
      Listeners listeners) {
    this.spec = spec;
    this.ssm = ssm;
    this.launch = launch;
    this.watch = new Watch(ssm, settings.notFoundGrace, spec.failFast());
    this.output = output;
    this.cleanup = cleanup;
    this.clock = clock;
    this.settings = settings;
    this.random = random;
    this.listeners = listeners;
    this.ending = new RunOutcome(spec);
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
        case RESOLVE -> resolve();
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
      } else if (phase == Phase.WATCH || phase == Phase.DRAIN) {
        if (phase == Phase.WATCH) {
          beginCancel(now, false);
        }
        record(watch.poll(now).finished());
      }
      if (phase != Phase.DONE) {
        stopResolving();
        watch.finishRemaining();
        complete();
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
      record(watch.poll(clock.instant(), true).finished());
      while (!resolving.isEmpty()) {
        sleeper.sleep(RESOLVE_CHECK);
        collect();
      }
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
      hearLaunchWarnings();
    }
    watch.addAll(launch.sent());
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
    return Optional.of(delay(sent, Duration.ZERO));
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
    watch.addAll(launch.sent());
    if (!step.isDone()) {
      return Optional.of(step.pause()); // A lost send may have run: find it to cancel it.
    }
    ending.cancelledByClient();
    watch.cancelRemaining();
    return finish();
  }

  private Optional<Duration> watch(Instant now) {
    collect();
    if (cancelRequested.get() || !now.isBefore(deadline)) {
      return beginCancel(now, !cancelRequested.get());
    }
    long callsBefore = ssm.callCount();
    Watch.Poll poll = watch.poll(now);
    record(poll.finished());
    if (watch.isComplete()) {
      return finish();
    }
    if (spec.failFast() && !watch.policyHolds(spec.policy())) {
      return beginCancel(now, false);
    }
    // A fleet finishes over seconds and each poll costs a probe: progress speeds it up less.
    Duration floor = watch.probes() ? EngineSettings.FLEET_FLOOR : settings.schedule.initial();
    base = settings.schedule.next(base, poll.signal(), floor);
    // A poll that had to list many commands is not repeated at once: a per-run call budget.
    long calls = ssm.callCount() - callsBefore;
    return Optional.of(
        delay(now, EngineSettings.CALL_SPACING.multipliedBy(Math.max(0, calls - 1))));
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
    collect();
    PollSchedule.Signal signal = PollSchedule.Signal.NO_CHANGE;
    if (now.isBefore(cancelUntil)) {
      Watch.Poll poll = watch.poll(now);
      record(poll.finished());
      signal = poll.signal();
    }
    if (watch.isComplete() || !clock.instant().isBefore(cancelUntil)) {
      return finish();
    }
    base = settings.schedule.next(base, signal);
    return Optional.of(shorter(base, Duration.between(clock.instant(), cancelUntil)));
  }

  /** Every command is over: once the output still being read is in, the run is done. */
  private Optional<Duration> finish() {
    watch.finishRemaining();
    matchedNothing = watch.matchedNothing();
    phase = Phase.RESOLVE;
    return resolve();
  }

  private Optional<Duration> resolve() {
    collect();
    if (!resolving.isEmpty()) {
      return Optional.of(RESOLVE_CHECK);
    }
    complete();
    return Optional.empty();
  }

  /** Cleans up (after the last output was read), then builds the result. */
  private void complete() {
    phase = Phase.DONE;
    cleanup.run().forEach(this::warn);
    ending.finish(watch.commandIds(), results(), warnings, matchedNothing);
  }

  /** Hands what just finished to the resolver, and collects what it resolved. */
  private void record(List<InvocationResult> finished) {
    for (InvocationResult r : finished) {
      resolving.put(key(r), output.resolve(r));
    }
    collect();
  }

  /**
   * Takes the resolved invocations, in the order they finished, and tells the listeners.
   *
   * @throws RuntimeException if reading an output failed: the run fails.
   */
  private void collect() {
    var it = resolving.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      if (!entry.getValue().isDone()) {
        continue;
      }
      it.remove();
      InvocationResult complete;
      try {
        complete = entry.getValue().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
      resolved.put(entry.getKey(), complete);
      listeners.completed(complete);
    }
  }

  /** Gives up on the output still being read: what SSM showed is reported. */
  private void stopResolving() {
    resolving.values().forEach(f -> f.cancel(true));
    resolving.clear();
  }

  private void hearLaunchWarnings() {
    List<String> all = launch.warnings();
    for (int i = warningsHeard; i < all.size(); i++) {
      warn(all.get(i));
    }
    warningsHeard = all.size();
  }

  private List<InvocationResult> results() {
    List<InvocationResult> all = new ArrayList<>(launch.rejected());
    for (InvocationResult r : watch.finished()) {
      all.add(resolved.getOrDefault(key(r), r));
    }
    return all;
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
      stopResolving();
      phase = Phase.DONE;
      cleanup.run().forEach(this::warn);
    }
    return ending.failure(e, watch.commandIds(), results(), warnings);
  }

  private void publish() {
    List<InvocationResult> current = new ArrayList<>(launch.rejected());
    for (InvocationResult r : watch.current()) {
      current.add(resolved.getOrDefault(key(r), r));
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

  private static String key(InvocationResult r) {
    return r.commandId() + "/" + r.instanceId();
  }
}
