package dev.ssmrun.internal.run;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.live.LogTail;
import dev.ssmrun.internal.output.OutputFetcher;
import dev.ssmrun.internal.watch.SentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What happens to an invocation once it finished: its whole output is read (S3 when SSM truncated
 * it), a live tail delivers the rest of its chunks (after waiting briefly for CloudWatch's late
 * events when only CloudWatch has the rest), then the listeners hear of it. Also ticks the tail
 * between status polls. Confined to the run's driver.
 */
final class Completions {
  private final OutputFetcher output;
  private final LogTail tail;
  private final Duration lateEvents;
  private final Listeners listeners;
  private final Consumer<String> warnings;
  private final Map<String, InvocationResult> resolved = new LinkedHashMap<>();
  private final Map<String, Late> late = new LinkedHashMap<>();

  /** An invocation waiting for CloudWatch's last events until {@code until}. */
  private record Late(InvocationResult result, Instant until) {}

  /** {@code tail} is null when the run does not follow its output. */
  Completions(
      OutputFetcher output,
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

  /** Invocations that just finished. */
  void record(List<InvocationResult> finished, Instant now) {
    for (InvocationResult r : finished) {
      InvocationResult complete = output.complete(r);
      if (tail != null && tail.wantsLateEvents(complete)) {
        late.put(key(complete), new Late(complete, now.plus(lateEvents)));
      } else {
        conclude(complete);
      }
    }
  }

  /** A tail tick if due, and the late invocations whose wait is over. */
  void tick(Instant now) {
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

  /** Concludes every invocation still waiting: the run is ending. */
  void flush() {
    List<Late> rest = new ArrayList<>(late.values());
    late.clear();
    rest.forEach(l -> conclude(l.result()));
  }

  /** True while an invocation waits for late events. */
  boolean waiting() {
    return !late.isEmpty();
  }

  /** When something here is due next, if anything is. */
  Optional<Instant> nextWake() {
    Optional<Instant> due = tail == null ? Optional.empty() : tail.nextDue();
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
    tail.takeWarnings().forEach(warnings);
  }

  private static String key(InvocationResult r) {
    return r.commandId() + "/" + r.instanceId();
  }
}
