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
 *
 * <p><b>One verdict.</b> A run succeeds exactly when its failure policy holds (and the client
 * deadline did not cut it short). {@link #exitCode()} turns that into the one exit code that the
 * {@code ssmrun} command and its JSON output use too.
 */
public final class CommandResult {
  /** {@link #exitCode()} when the client deadline passed, as GNU {@code timeout} exits. */
  public static final int EXIT_DEADLINE = 124;

  /** {@link #exitCode()} when the command ran nowhere (every instance not delivered), as ssh. */
  public static final int EXIT_NOT_RUN = 255;

  private final List<String> commandIds;
  private final List<InvocationResult> invocations;
  private final FailurePolicy failurePolicy;
  private final boolean deadlineExceeded;
  private final boolean cancelledByClient;
  private final List<String> warnings;

  private CommandResult(Builder b) {
    this.commandIds = List.copyOf(b.commandIds);
    List<InvocationResult> sorted = new ArrayList<>(b.invocations);
    sorted.sort(Comparator.comparing(InvocationResult::instanceId));
    this.invocations = Collections.unmodifiableList(sorted);
    this.failurePolicy = b.failurePolicy;
    this.deadlineExceeded = b.deadlineExceeded;
    this.cancelledByClient = b.cancelledByClient;
    this.warnings = List.copyOf(b.warnings);
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

  /**
   * True if ssmrun cancelled invocations: deadline, {@code cancel()}, interrupt, fail-fast or the
   * runner being closed.
   */
  public boolean cancelledByClient() {
    return cancelledByClient;
  }

  /** Things the caller should know that did not fail the run, e.g. a stricter MaxErrors. */
  public List<String> warnings() {
    return warnings;
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
   * True if at least one instance is in the result, the failure policy holds, and the client
   * deadline did not pass. With the default policy this means every instance exited 0.
   */
  public boolean isSuccessful() {
    return !invocations.isEmpty() && policySatisfied() && !deadlineExceeded;
  }

  /**
   * The run's exit code, the way {@code ssh} passes a remote one through: 0 when {@link
   * #isSuccessful()}; {@link #EXIT_DEADLINE} (124) when the client deadline passed; {@link
   * #EXIT_NOT_RUN} (255) when no instance received the command; otherwise the failed instances'
   * common exit code if they share one (1 to 255), else 1.
   */
  public int exitCode() {
    if (isSuccessful()) {
      return 0;
    }
    if (deadlineExceeded) {
      return EXIT_DEADLINE;
    }
    if (!invocations.isEmpty()
        && invocations.stream().allMatch(i -> i.outcome() == Outcome.NOT_DELIVERED)) {
      return EXIT_NOT_RUN;
    }
    List<Integer> codes =
        invocations.stream()
            .filter(i -> !i.isSuccessful())
            .map(InvocationResult::exitCode)
            .distinct()
            .toList();
    boolean common = codes.size() == 1 && codes.get(0) >= 1 && codes.get(0) <= 255;
    return common ? codes.get(0) : 1;
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
        && other.cancelledByClient == cancelledByClient
        && other.warnings.equals(warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        commandIds, invocations, failurePolicy, deadlineExceeded, cancelledByClient, warnings);
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
    private final List<String> warnings = new ArrayList<>();
    private FailurePolicy failurePolicy = FailurePolicy.none();
    private boolean deadlineExceeded;
    private boolean cancelledByClient;

    private Builder() {}

    private Builder(CommandResult r) {
      commandIds.addAll(r.commandIds);
      invocations.addAll(r.invocations);
      warnings.addAll(r.warnings);
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
      Objects.requireNonNull(invocations, "invocations == null").forEach(this::addInvocation);
      return this;
    }

    /**
     * Adds one invocation.
     *
     * @throws IllegalArgumentException if its outcome is {@link Outcome#UNFINISHED}.
     */
    public Builder addInvocation(InvocationResult invocation) {
      Objects.requireNonNull(invocation, "invocation == null");
      if (invocation.outcome() == Outcome.UNFINISHED) {
        throw new IllegalArgumentException(
            "a result holds finished invocations only: " + invocation);
      }
      invocations.add(invocation);
      return this;
    }

    /** Replaces the warnings. */
    public Builder warnings(List<String> warnings) {
      this.warnings.clear();
      this.warnings.addAll(Objects.requireNonNull(warnings, "warnings == null"));
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
