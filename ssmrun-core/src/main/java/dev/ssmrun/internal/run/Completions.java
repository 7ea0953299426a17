package dev.ssmrun.internal.run;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.live.LogTail;
import dev.ssmrun.internal.output.OutputResolver;
import dev.ssmrun.internal.watch.SentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * What happens to an invocation once it finished: its whole output is read (from S3 when SSM
 * truncated it, and its result, on the resolver's threads, so that large objects never hold up
 * the driver), a live tail delivers the rest of its chunks (after waiting briefly for CloudWatch's
 * late events when only CloudWatch has the rest), then the listeners hear of it. Also ticks the
 * tail between status polls. Confined to the run's driver.
 */
final class Completions {
  /** How often a run waiting for output being read checks on it. */
  static final Duration RESOLVE_CHECK = Duration.ofMillis(20);

  private final OutputResolver output;
  private final LogTail tail;
  private final Duration lateEvents;
  private final Listeners listeners;
  private final Consumer<String> warnings;
  private final Map<String, InvocationResult> resolved = new LinkedHashMap<>();
  private final Map<String, Reading> reading = new LinkedHashMap<>();
  private final Map<String, Late> late = new LinkedHashMap<>();

  /** An invocation as SSM showed it, and its whole output being read. */
  private record Reading(InvocationResult shown, CompletableFuture<InvocationResult> read) {}

  /** An invocation waiting for CloudWatch's last events until {@code until}. */
  private record Late(InvocationResult result, Instant until) {}

  /** {@code tail} is null when the run does not follow its output. */
  Completions(
      OutputResolver output,
      LogTail tail,
      Duration lateEvents,
      Listeners listeners,
      Consumer<String> warnings) {
    this.output = output;
    this.tail = tail;
    this.lateEvents = lateEvents;
    this.listeners = listeners;
    this.warnings = warnings;
  }

  /** Commands to tail, as they become known. */
  void follow(List<SentCommand> commands) {
    if (tail != null) {
      commands.forEach(tail::add);
      sayWarnings();
    }
  }

  /**
   * Invocations that just finished: their output is read, and those already read go on.
   *
   * @throws RuntimeException if reading an output failed: the run fails.
   */
  void record(List<InvocationResult> finished, Instant now) {
    for (InvocationResult r : finished) {
      reading.put(key(r), new Reading(r, output.resolve(r)));
    }
    collect(now);
  }

  /** The invocations whose output is in, in the order they finished. */
  private void collect(Instant now) {
    for (Iterator<Reading> it = reading.values().iterator(); it.hasNext(); ) {
      CompletableFuture<InvocationResult> read = it.next().read();
      if (!read.isDone()) {
        continue;
      }
      it.remove();
      InvocationResult complete;
      try {
        complete = read.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
      if (tail != null && tail.wantsLateEvents(complete)) {
        late.put(key(complete), new Late(complete, now.plus(lateEvents)));
      } else {
        conclude(complete);
      }
    }
  }

  /**
   * The output read meanwhile, a tail tick if due, and the late invocations whose wait is over.
   *
   * @throws RuntimeException if reading an output failed: the run fails.
   */
  void tick(Instant now) {
    collect(now);
    if (tail == null) {
      return;
    }
    tail.poll(now).forEach(listeners::output);
    for (Iterator<Late> it = late.values().iterator(); it.hasNext(); ) {
      Late l = it.next();
      if (!now.isBefore(l.until())) {
        it.remove();
        conclude(l.result());
      }
    }
    sayWarnings();
  }

  /**
   * Concludes every invocation still waiting: the run is ending. Output still being read is given
   * up (a cancel or interrupt): those invocations keep what SSM showed.
   */
  void flush() {
    List<InvocationResult> unread = new ArrayList<>();
    reading.values().forEach(r -> unread.add(r.shown()));
    abandon();
    unread.forEach(this::conclude);
    List<Late> rest = new ArrayList<>(late.values());
    late.clear();
    rest.forEach(l -> conclude(l.result()));
  }

  /** Stops reading output: the run failed. */
  void abandon() {
    reading.values().forEach(r -> r.read().cancel(true));
    reading.clear();
  }

  /** True while an invocation's output is being read or it waits for late events. */
  boolean waiting() {
    return !late.isEmpty() || !reading.isEmpty();
  }

  /** True while an invocation's output is being read. */
  boolean readingOutput() {
    return !reading.isEmpty();
  }

  /** When something here is due next, if anything is. */
  Optional<Instant> nextWake(Instant now) {
    Optional<Instant> due = tail == null ? Optional.empty() : tail.nextDue();
    if (!reading.isEmpty() && (due.isEmpty() || now.plus(RESOLVE_CHECK).isBefore(due.get()))) {
      due = Optional.of(now.plus(RESOLVE_CHECK));
    }
    for (Late l : late.values()) {
      if (due.isEmpty() || l.until().isBefore(due.get())) {
        due = Optional.of(l.until());
      }
    }
    return due;
  }

  /** {@code r} with its output as concluded, if it was. */
  InvocationResult resolved(InvocationResult r) {
    InvocationResult done = resolved.get(key(r));
    if (done != null) {
      return done;
    }
    Late waiting = late.get(key(r));
    return waiting != null ? waiting.result() : r;
  }

  private void conclude(InvocationResult result) {
    InvocationResult r = result;
    if (tail != null) {
      LogTail.Finished finished = tail.finish(result);
      finished.chunks().forEach(listeners::output);
      r = finished.result();
      sayWarnings();
    }
    resolved.put(key(r), r);
    listeners.completed(r);
  }

  private void sayWarnings() {
    if (tail == null) {
      return;
    }
    tail.takeWarnings().forEach(warnings);
  }

  private static String key(InvocationResult r) {
    return r.commandId() + "/" + r.instanceId();
  }
}
