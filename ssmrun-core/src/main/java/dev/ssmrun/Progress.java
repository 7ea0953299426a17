package dev.ssmrun;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A snapshot of a run in flight. This class is immutable and thread-safe. */
public final class Progress {
  private final List<String> commandIds;
  private final int total;
  private final Map<Outcome, Integer> finished;
  private final boolean done;

  private Progress(
      List<String> commandIds, int total, Map<Outcome, Integer> finished, boolean done) {
    this.commandIds = List.copyOf(commandIds);
    this.total = total;
    this.finished = Collections.unmodifiableMap(new EnumMap<>(finished));
    this.done = done;
  }

  /**
   * A snapshot; {@code finished} counts invocations that reached an outcome.
   *
   * @throws IllegalArgumentException if more invocations finished than {@code total}.
   */
  public static Progress of(
      List<String> commandIds, int total, Map<Outcome, Integer> finished, boolean done) {
    Objects.requireNonNull(commandIds, "commandIds == null");
    EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, finished.getOrDefault(outcome, 0));
    }
    if (counts.values().stream().mapToInt(Integer::intValue).sum() > total) {
      throw new IllegalArgumentException("more finished invocations than total " + total);
    }
    return new Progress(commandIds, total, counts, done);
  }

  /** The command ids sent so far. */
  public List<String> commandIds() {
    return commandIds;
  }

  /** Invocations known so far (for tag targets this grows as SSM resolves them). */
  public int total() {
    return total;
  }

  /** Invocations that reached an outcome, by outcome; every outcome is present. */
  public Map<Outcome, Integer> countsByOutcome() {
    return finished;
  }

  /** How many invocations reached an outcome. */
  public int finishedCount() {
    return finished.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many known invocations are still pending or running. */
  public int runningCount() {
    return total - finishedCount();
  }

  /** True once the run is over and its result is available. */
  public boolean isDone() {
    return done;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Progress other
        && other.commandIds.equals(commandIds)
        && other.total == total
        && other.finished.equals(finished)
        && other.done == done;
  }

  @Override
  public int hashCode() {
    return Objects.hash(commandIds, total, finished, done);
  }

  @Override
  public String toString() {
    return "Progress{"
        + finishedCount()
        + "/"
        + total
        + " finished, "
        + finished
        + (done ? ", done" : "")
        + "}";
  }
}
