package dev.ssmrun.internal;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One run as a state machine: pre-flight, send, poll, cancel, done. Each {@link #step()} does one
 * round of API calls and says how long to wait before the next, so the same logic serves the
 * blocking driver (a Sleeper) and the asynchronous one (a scheduler). Thread-safe.
 */
final class RunSession {
  private enum Phase {
    START,
    POLL,
    CANCEL,
    DONE
  }

  private final RunRequest request;
  private final SsmGateway ssm;
  private final OutputFetcher output;
  private final Clock clock;
  private final EngineSettings settings;
  private final Random random;
  private final Poller poller;
  private final CommandProbe probe;
  private final Dispatch dispatch;
  private final Instant deadline;
  private final List<CommandTracker> trackers = new ArrayList<>();
  private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();
  private Phase phase = Phase.START;
  private Duration base;
  private volatile boolean cancelRequested;
  private boolean settling;
  private boolean deadlineExceeded;
  private boolean cancelledByClient;
  private Instant cancelUntil;
  private volatile Progress progress;
  private CommandResult result;

  RunSession(
      RunRequest request,
      SsmGateway ssm,
      OutputFetcher output,
      Clock clock,
      EngineSettings settings,
      Random random,
      Dispatch dispatch) {
    this.request = request;
    this.ssm = ssm;
    this.output = output;
    this.clock = clock;
    this.settings = settings;
    this.random = random;
    this.dispatch = dispatch;
    this.poller = new Poller(ssm, settings.notFoundGrace);
    this.probe = new CommandProbe(ssm, request.failFast());
    this.deadline = clock.instant().plus(request.effectiveWaitTimeout());
    this.base = settings.schedule.initial();
    this.progress = Progress.of(List.of(), 0, java.util.Map.of(), false);
  }

  /** Does one round; returns the delay before the next, or empty once the result is ready. */
  synchronized Optional<Duration> step() {
    try {
      return switch (phase) {
        case START -> start();
        case POLL -> poll();
        case CANCEL -> drain();
        case DONE -> Optional.empty();
      };
    } catch (RuntimeException e) {
      cancelQuietly();
      phase = Phase.DONE;
      throw e;
    }
  }

  /** Asks the next step to cancel what still runs. Safe from any thread. */
  void requestCancel() {
    cancelRequested = true;
  }

  /** True if a cancel was asked for and the next step has yet to act on it. */
  synchronized boolean cancelPending() {
    return cancelRequested && !settling && (phase == Phase.START || phase == Phase.POLL);
  }

  /** Cancels now (the driver was interrupted), polls once, and ends the run. */
  synchronized CommandResult abort() {
    if (phase == Phase.START) {
      cancelledByClient = true;
      cancelQuietly(); // Commands of a fleet sent before the interrupt.
      return finishNow();
    }
    if (phase == Phase.POLL) {
      beginCancel(clock.instant(), false);
    }
    if (phase == Phase.CANCEL) {
      pollAll(clock.instant());
      return finishNow();
    }
    return result;
  }

  /** True once the commands were sent (or the run ended before sending). */
  synchronized boolean isSent() {
    return phase != Phase.START;
  }

  synchronized boolean isDone() {
    return phase == Phase.DONE && result != null;
  }

  synchronized CommandResult result() {
    return result;
  }

  Progress progress() {
    return progress;
  }

  synchronized List<String> commandIds() {
    return trackers.stream().map(CommandTracker::commandId).toList();
  }

  void addListener(ProgressListener listener) {
    listeners.add(listener);
  }

  private Optional<Duration> start() {
    if (cancelRequested) {
      return cancelBeforePolling();
    }
    Optional<Duration> wait = dispatch.prepare(request, clock.instant());
    if (wait.isEmpty()) {
      wait = dispatch.sendAll(request, trackers, clock);
    }
    if (wait.isPresent()) {
      return wait; // Waiting for targets to come online, or between tries of one send.
    }
    phase = Phase.POLL;
    publish(List.of());
    Instant now = clock.instant();
    // A fleet's first commands have waited while the rest were sent: resume their schedule.
    Instant first =
        trackers.stream().map(CommandTracker::sentAt).min(Instant::compareTo).orElse(now);
    base = settings.schedule.resumed(Duration.between(first, now));
    return Optional.of(delay(now, Duration.ZERO));
  }

  /** Ends a run cancelled while sending: nothing more is sent, what was sent is cancelled. */
  private Optional<Duration> cancelBeforePolling() {
    settling = true;
    Optional<Duration> wait = dispatch.settle(trackers, clock);
    if (wait.isPresent()) {
      return wait; // A send whose answer was lost may have run: find it to cancel it.
    }
    cancelledByClient = true;
    cancelQuietly(); // Commands of a fleet sent before the cancel.
    return finish();
  }

  private Optional<Duration> poll() {
    Instant now = clock.instant();
    if (cancelRequested || !now.isBefore(deadline)) {
      return beginCancel(now, !cancelRequested);
    }
    long callsBefore = ssm.callCount();
    PollSchedule.Signal signal = pollAll(now);
    if (trackers.stream().allMatch(CommandTracker::isComplete)) {
      return finish();
    }
    if (request.failFast() && !policyHolds()) {
      return beginCancel(now, false);
    }
    // A fleet finishes over seconds and each poll costs a probe: progress speeds it up less.
    Duration floor =
        CommandProbe.probes(trackers) ? EngineSettings.FLEET_FLOOR : settings.schedule.initial();
    base = settings.schedule.next(base, signal, floor);
    // A poll that had to list many commands is not repeated at once: a per-run call budget.
    Duration budget =
        EngineSettings.CALL_SPACING.multipliedBy(Math.max(0, ssm.callCount() - callsBefore - 1));
    return Optional.of(delay(now, budget));
  }

  private Optional<Duration> beginCancel(Instant now, boolean byDeadline) {
    deadlineExceeded |= byDeadline;
    cancelledByClient = true;
    cancelQuietly();
    phase = Phase.CANCEL;
    cancelUntil = now.plus(settings.cancelGrace);
    base = settings.schedule.initial();
    return Optional.of(base);
  }

  private Optional<Duration> drain() {
    Instant now = clock.instant();
    PollSchedule.Signal signal = pollAll(now);
    if (trackers.stream().allMatch(CommandTracker::isComplete) || !now.isBefore(cancelUntil)) {
      return finish();
    }
    base = settings.schedule.next(base, signal);
    return Optional.of(base);
  }

  private PollSchedule.Signal pollAll(Instant now) {
    long throttledBefore = ssm.throttleCount();
    boolean transientFailure = false;
    List<InvocationResult> done = new ArrayList<>();
    try {
      List<CommandTracker> active = trackers.stream().filter(t -> !t.isComplete()).toList();
      Set<String> due = probe.due(active, now);
      for (CommandTracker tracker : active) {
        if (due.contains(tracker.commandId())) {
          done.addAll(poller.poll(tracker, now));
        }
      }
    } catch (SdkException e) {
      if (!isTransient(e)) {
        throw e;
      }
      transientFailure = true; // The SDK already retried; the schedule spaces the next poll.
    }
    publish(done);
    boolean progress = !done.isEmpty() || probe.countedFinishes();
    if (transientFailure) {
      return PollSchedule.Signal.THROTTLED;
    }
    if (ssm.throttleCount() > throttledBefore) {
      return progress ? PollSchedule.Signal.THROTTLED_PROGRESS : PollSchedule.Signal.THROTTLED;
    }
    return progress ? PollSchedule.Signal.PROGRESS : PollSchedule.Signal.NO_CHANGE;
  }

  static boolean isTransient(SdkException e) {
    return e instanceof SdkClientException || e.retryable() || SendRetryGuard.isThrottling(e);
  }

  private void cancelQuietly() {
    for (CommandTracker tracker : trackers) {
      if (!tracker.isComplete()) {
        tracker.markCancelled();
        try {
          ssm.cancel(tracker.commandId(), List.of());
        } catch (SdkException e) {
          // Best effort: the command may have just finished; the final poll tells.
        }
      }
    }
  }

  private boolean policyHolds() {
    int total = trackers.stream().mapToInt(CommandTracker::knownCount).sum();
    List<String> failed =
        trackers.stream()
            .flatMap(t -> t.finishedResults().stream())
            .filter(r -> !r.isSuccessful())
            .map(InvocationResult::instanceId)
            .toList();
    return request.failurePolicy().allows(total, failed);
  }

  private CommandResult finishNow() {
    finish();
    return result;
  }

  private Optional<Duration> finish() {
    trackers.stream().filter(t -> !t.isComplete()).forEach(CommandTracker::finishRemaining);
    List<InvocationResult> all = new ArrayList<>(dispatch.rejected());
    trackers.forEach(t -> all.addAll(t.finishedResults()));
    result =
        CommandResult.builder()
            .commandIds(commandIds())
            .invocations(output.complete(all))
            .failurePolicy(request.failurePolicy())
            .deadlineExceeded(deadlineExceeded)
            .cancelledByClient(cancelledByClient)
            .build();
    phase = Phase.DONE;
    publish(List.of());
    return Optional.empty();
  }

  private Duration delay(Instant now, Duration atLeast) {
    Duration d = settings.schedule.jittered(base, random.nextDouble());
    d = d.compareTo(atLeast) < 0 ? atLeast : d;
    Duration left = Duration.between(now, deadline);
    return d.compareTo(left) > 0 ? (left.isNegative() ? Duration.ZERO : left) : d;
  }

  private void publish(List<InvocationResult> finished) {
    progress = Listeners.snapshot(trackers, phase == Phase.DONE);
    Listeners.notify(listeners, finished, progress);
  }
}
