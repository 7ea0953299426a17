package dev.ssmrun;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many instances may fail before a whole run counts as failed. Any outcome other than {@link
 * Outcome#SUCCESS} is a failure. This class is immutable and thread-safe.
 *
 * <pre>{@code
 * FailurePolicy.none();                          // the default: every instance must succeed
 * FailurePolicy.atMost(2);                       // up to two instances may fail
 * FailurePolicy.fraction(0.1);                   // up to 10% of the instances may fail
 * FailurePolicy.allowInstances(Set.of("i-0123456789abcdef0"));  // only these may fail
 * }</pre>
 */
public final class FailurePolicy {
  private static final FailurePolicy NONE = new FailurePolicy(0, -1, Set.of());

  private final int maxFailures;
  private final double maxFraction;
  private final Set<String> allowedInstances;

  private FailurePolicy(int maxFailures, double maxFraction, Set<String> allowedInstances) {
    this.maxFailures = maxFailures;
    this.maxFraction = maxFraction;
    this.allowedInstances = allowedInstances;
  }

  /** No failure is allowed. The default. */
  public static FailurePolicy none() {
    return NONE;
  }

  /**
   * At most {@code count} instances may fail.
   *
   * @throws IllegalArgumentException if {@code count} is negative.
   */
  public static FailurePolicy atMost(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("failure count must be 0 or more, got " + count);
    }
    return new FailurePolicy(count, -1, Set.of());
  }

  /**
   * At most this fraction of the instances may fail, rounded down: {@code fraction(0.1)} allows 1
   * failure in 10 to 19 instances.
   *
   * @throws IllegalArgumentException unless {@code 0 <= fraction <= 1}.
   */
  public static FailurePolicy fraction(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "failure fraction must be between 0 and 1 (e.g. 0.1 for 10%), got " + fraction);
    }
    return new FailurePolicy(-1, fraction, Set.of());
  }

  /**
   * Only the named instances may fail; any other failure violates the policy.
   *
   * @throws IllegalArgumentException if {@code instanceIds} is empty.
   */
  public static FailurePolicy allowInstances(Collection<String> instanceIds) {
    Objects.requireNonNull(instanceIds, "instanceIds == null");
    if (instanceIds.isEmpty()) {
      throw new IllegalArgumentException("allowInstances needs at least one instance id");
    }
    return new FailurePolicy(-1, -1, Set.copyOf(instanceIds));
  }

  /**
   * True if failures on {@code failedInstanceIds} out of {@code total} instances are allowed.
   * Failures only grow, so once this is false it stays false (fail-fast relies on that).
   */
  public boolean allows(int total, Collection<String> failedInstanceIds) {
    if (!allowedInstances.isEmpty()) {
      return allowedInstances.containsAll(failedInstanceIds);
    }
    return failedInstanceIds.size() <= allowedFailures(total);
  }

  /**
   * How many of {@code total} instances may fail: {@code n} for {@code atMost(n)}, the rounded-down
   * share for {@code fraction}, the number of named instances (at most {@code total}) for {@code
   * allowInstances}.
   */
  public int allowedFailures(int total) {
    if (!allowedInstances.isEmpty()) {
      return Math.min(total, allowedInstances.size());
    }
    return maxFraction >= 0 ? (int) Math.floor(maxFraction * total + 1e-9) : maxFailures;
  }

  /** The fraction of {@link #fraction(double)} policies; empty for the others. */
  public OptionalDouble fraction() {
    return maxFraction >= 0 ? OptionalDouble.of(maxFraction) : OptionalDouble.empty();
  }

  /** True for {@link #none()}: no failure is allowed. */
  public boolean allowsNone() {
    return allowedInstances.isEmpty() && maxFraction < 0 && maxFailures == 0;
  }

  /** True if the failures among {@code invocations} are allowed. */
  public boolean isSatisfiedBy(List<InvocationResult> invocations) {
    Set<String> failed =
        invocations.stream()
            .filter(i -> !i.outcome().isSuccess())
            .map(InvocationResult::instanceId)
            .collect(Collectors.toSet());
    return allows(invocations.size(), failed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailurePolicy other
        && other.maxFailures == maxFailures
        && Double.compare(other.maxFraction, maxFraction) == 0
        && other.allowedInstances.equals(allowedInstances);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxFailures, maxFraction, allowedInstances);
  }

  @Override
  public String toString() {
    if (!allowedInstances.isEmpty()) {
      return "FailurePolicy.allowInstances(" + allowedInstances + ")";
    }
    if (maxFraction >= 0) {
      return "FailurePolicy.fraction(" + maxFraction + ")";
    }
    return maxFailures == 0 ? "FailurePolicy.none()" : "FailurePolicy.atMost(" + maxFailures + ")";
  }
}
