package dev.ssmrun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a run in flight: every invocation known so far, finished or not. This class is
 * immutable and thread-safe.
 */
public final class Progress {
  private final List<String> commandIds;
  private final List<InvocationResult> invocations;
  private final boolean done;

  private Progress(List<String> commandIds, List<InvocationResult> invocations, boolean done) {
    this.commandIds = List.copyOf(commandIds);
    List<InvocationResult> sorted = new ArrayList<>(invocations);
    sorted.sort(Comparator.comparing(InvocationResult::instanceId));
    this.invocations = Collections.unmodifiableList(sorted);
    this.done = done;
  }

  /**
   * A snapshot; invocations not finished yet have the outcome {@link Outcome#UNFINISHED}.
   *
   * @throws IllegalArgumentException if the run is {@code done} but an invocation is unfinished.
   */
  public static Progress of(
      List<String> commandIds, List<InvocationResult> invocations, boolean done) {
    Objects.requireNonNull(commandIds, "commandIds == null");
    Objects.requireNonNull(invocations, "invocations == null");
    if (done && invocations.stream().anyMatch(i -> i.outcome() == Outcome.UNFINISHED)) {
      throw new IllegalArgumentException("a finished run has no unfinished invocations");
    }
    return new Progress(commandIds, invocations, done);
  }

  /** The command ids sent so far. */
  public List<String> commandIds() {
    return commandIds;
  }

  /**
   * Every invocation known so far, sorted by instance id: finished ones with their outcome and
   * output, the others with {@link Outcome#UNFINISHED} and SSM's current status.
   */
  public List<InvocationResult> invocations() {
    return invocations;
  }

  /** Invocations known so far (for tag targets this grows as SSM resolves them). */
  public int total() {
    return invocations.size();
  }

  /** Invocations by outcome, {@link Outcome#UNFINISHED} included; every outcome is present. */
  public Map<Outcome, Integer> countsByOutcome() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0);
    }
    invocations.forEach(i -> counts.merge(i.outcome(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** How many invocations reached an outcome. */
  public int finishedCount() {
    return total() - runningCount();
  }

  /** How many known invocations are still pending or running. */
  public int runningCount() {
    return (int) invocations.stream().filter(i -> i.outcome() == Outcome.UNFINISHED).count();
  }

  /** True once the run is over and its result is available. */
  public boolean isDone() {
    return done;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Progress other
        && other.commandIds.equals(commandIds)
        && other.invocations.equals(invocations)
        && other.done == done;
  }

  @Override
  public int hashCode() {
    return Objects.hash(commandIds, invocations, done);
  }

  @Override
  public String toString() {
    return "Progress{"
        + finishedCount()
        + "/"
        + total()
        + " finished, "
        + countsByOutcome()
        + (done ? ", done" : "")
        + "}";
  }
}
