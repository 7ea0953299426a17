package dev.ssmrun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one run: one {@link InvocationResult} per instance, across every SendCommand the
 * run needed. Instances that ran and failed are data here, not exceptions: check {@link
 * #isSuccessful()} or call {@link #requireSuccess()}. This class is immutable and thread-safe.
 */
public final class CommandResult {
  private final List<String> commandIds;
  private final List<InvocationResult> invocations;
  private final FailurePolicy failurePolicy;
  private final boolean deadlineExceeded;
  private final boolean cancelledByClient;

  private CommandResult(Builder b) {
    this.commandIds = List.copyOf(b.commandIds);
    List<InvocationResult> sorted = new ArrayList<>(b.invocations);
    sorted.sort(Comparator.comparing(InvocationResult::instanceId));
    this.invocations = Collections.unmodifiableList(sorted);
    this.failurePolicy = b.failurePolicy;
    this.deadlineExceeded = b.deadlineExceeded;
    this.cancelledByClient = b.cancelledByClient;
  }

  /** A new builder; mostly for the engine and for tests of code that consumes results. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this result's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The SSM command ids, in the order they were sent (one per 50 instances, or per target). */
  public List<String> commandIds() {
    return commandIds;
  }

  /** One result per instance, sorted by instance id. */
  public List<InvocationResult> invocations() {
    return invocations;
  }

  /** The policy the run was judged by. */
  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** True if the client deadline ({@code waitTimeout}) passed and ssmrun cancelled the rest. */
  public boolean deadlineExceeded() {
    return deadlineExceeded;
  }

  /** True if ssmrun cancelled invocations: deadline, {@code cancel()}, interrupt or fail-fast. */
  public boolean cancelledByClient() {
    return cancelledByClient;
  }

  /** How many instances ended in each outcome; every outcome is present, zero if none. */
  public Map<Outcome, Integer> countsByOutcome() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0);
    }
    for (InvocationResult invocation : invocations) {
      counts.merge(invocation.outcome(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** True if the failures are within the {@linkplain #failurePolicy() failure policy}. */
  public boolean policySatisfied() {
    return failurePolicy.isSatisfiedBy(invocations);
  }

  /**
   * True if at least one instance ran, the failure policy holds, and the deadline did not pass.
   * With the default policy this means every instance exited 0.
   */
  public boolean isSuccessful() {
    return !invocations.isEmpty() && policySatisfied() && !deadlineExceeded;
  }

  /**
   * Returns this result if it {@linkplain #isSuccessful() succeeded}.
   *
   * @throws CommandFailedException otherwise, carrying this result.
   */
  public CommandResult requireSuccess() {
    if (!isSuccessful()) {
      throw new CommandFailedException(this);
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommandResult other
        && other.commandIds.equals(commandIds)
        && other.invocations.equals(invocations)
        && other.failurePolicy.equals(failurePolicy)
        && other.deadlineExceeded == deadlineExceeded
        && other.cancelledByClient == cancelledByClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(commandIds, invocations, failurePolicy, deadlineExceeded);
  }

  @Override
  public String toString() {
    return "CommandResult{commandIds="
        + commandIds
        + ", counts="
        + countsByOutcome()
        + ", deadlineExceeded="
        + deadlineExceeded
        + ", policy="
        + failurePolicy
        + "}";
  }

  /** Builds {@link CommandResult}s. Not thread-safe. */
  public static final class Builder {
    private final List<String> commandIds = new ArrayList<>();
    private final List<InvocationResult> invocations = new ArrayList<>();
    private FailurePolicy failurePolicy = FailurePolicy.none();
    private boolean deadlineExceeded;
    private boolean cancelledByClient;

    private Builder() {}

    private Builder(CommandResult r) {
      commandIds.addAll(r.commandIds);
      invocations.addAll(r.invocations);
      failurePolicy = r.failurePolicy;
      deadlineExceeded = r.deadlineExceeded;
      cancelledByClient = r.cancelledByClient;
    }

    /** Replaces the command ids. */
    public Builder commandIds(List<String> commandIds) {
      this.commandIds.clear();
      this.commandIds.addAll(Objects.requireNonNull(commandIds, "commandIds == null"));
      return this;
    }

    /** Replaces the invocations. */
    public Builder invocations(List<InvocationResult> invocations) {
      this.invocations.clear();
      this.invocations.addAll(Objects.requireNonNull(invocations, "invocations == null"));
      return this;
    }

    /** Adds one invocation. */
    public Builder addInvocation(InvocationResult invocation) {
      invocations.add(Objects.requireNonNull(invocation, "invocation == null"));
      return this;
    }

    /** Sets the policy the result is judged by. Defaults to {@link FailurePolicy#none()}. */
    public Builder failurePolicy(FailurePolicy failurePolicy) {
      this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy == null");
      return this;
    }

    /** Marks the client deadline as passed. */
    public Builder deadlineExceeded(boolean deadlineExceeded) {
      this.deadlineExceeded = deadlineExceeded;
      return this;
    }

    /** Marks that ssmrun cancelled invocations. */
    public Builder cancelledByClient(boolean cancelledByClient) {
      this.cancelledByClient = cancelledByClient;
      return this;
    }

    /** Builds the result. */
    public CommandResult build() {
      return new CommandResult(this);
    }
  }
}
