package dev.ssmrun.internal.send;

import dev.ssmrun.FailurePolicy;
import dev.ssmrun.RunRequest;
import java.util.Optional;

/**
 * SSM's MaxErrors for a run: as the caller set it, or else derived from the failure policy, so that
 * SSM does not stop a rollout that the policy still allows. Pure.
 */
final class MaxErrors {
  private MaxErrors() {}

  /** The MaxErrors to send, if any (empty: SSM's default of 0). */
  static Optional<String> of(RunRequest request) {
    return request.maxErrors().or(() -> derived(request));
  }

  /** The value the failure policy implies; empty where SSM's default 0 already matches it. */
  static Optional<String> derived(RunRequest request) {
    FailurePolicy policy = request.failurePolicy();
    if (policy.allowsNone()) {
      return Optional.empty();
    }
    if (request.targets().byTags() && policy.fraction().isPresent()) {
      long percent = (long) Math.ceil(policy.fraction().getAsDouble() * 100 - 1e-9);
      return Optional.of(Math.min(100, percent) + "%");
    }
    int fleet = request.targets().instanceIds().size();
    int allowed = policy.allowedFailures(request.targets().byTags() ? Integer.MAX_VALUE : fleet);
    return allowed == 0 ? Optional.empty() : Optional.of(Integer.toString(allowed));
  }

  /** A warning when the caller's MaxErrors lets SSM stop sooner than the policy allows. */
  static Optional<String> warning(RunRequest request) {
    if (request.maxErrors().isEmpty()) {
      return Optional.empty();
    }
    String given = request.maxErrors().get();
    String implied = derived(request).orElse("0");
    int fleet = request.targets().instanceIds().size();
    boolean byTags = request.targets().byTags();
    if (byTags && isPercent(given) != isPercent(implied)) {
      return Optional.empty(); // A count against a share of an unknown fleet: cannot compare.
    }
    double givenAllows = allows(given, fleet, byTags);
    double impliedAllows = allows(implied, fleet, byTags);
    if (givenAllows >= impliedAllows) {
      return Optional.empty();
    }
    return Optional.of(
        "MaxErrors "
            + given
            + " is stricter than the failure policy (which allows "
            + implied
            + (byTags ? "" : " of " + fleet)
            + " to fail): SSM stops sending to more instances once more than "
            + given
            + " failed");
  }

  private static double allows(String value, int fleet, boolean byTags) {
    if (isPercent(value)) {
      double share = Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0;
      return byTags ? share : Math.floor(share * fleet + 1e-9);
    }
    return Integer.parseInt(value);
  }

  private static boolean isPercent(String value) {
    return value.endsWith("%");
  }
}
