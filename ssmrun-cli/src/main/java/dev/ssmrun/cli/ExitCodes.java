package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.util.List;

/**
 * The one place where a result becomes an exit code. 0 when the failure policy holds; otherwise
 * the failed instances' common exit code (so one instance, or a fleet that all ran {@code exit 3},
 * passes its code through as {@code ssh} does), else 1. 124: the client deadline passed. 255:
 * ssmrun could not run the command anywhere (every instance not delivered, or an error before or
 * instead of a result; see {@link CliError}).
 *
 * <p>The policy rule is about to become the library's verdict (issue 8); only {@link
 * #policyVerdict} changes then.
 */
final class ExitCodes {
  /** The failure policy holds. */
  static final int OK = 0;

  /** The policy is broken and the failed instances disagree (or have no process exit code). */
  static final int FAILURE = 1;

  /** A usage error: nothing was sent (picocli's default). */
  static final int USAGE = 2;

  /** The client deadline passed (as GNU {@code timeout}). */
  static final int DEADLINE = 124;

  /** Interrupted by Ctrl-C (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  /** ssmrun itself could not run the command anywhere (as {@code ssh}). */
  static final int UNREACHABLE = 255;

  private ExitCodes() {}

  static int of(CommandResult result) {
    if (result.deadlineExceeded()) {
      return DEADLINE;
    }
    List<InvocationResult> invocations = result.invocations();
    if (invocations.isEmpty()
        || invocations.stream().allMatch(i -> i.outcome() == Outcome.NOT_DELIVERED)) {
      return UNREACHABLE;
    }
    return policyVerdict(result);
  }

  private static int policyVerdict(CommandResult result) {
    if (result.policySatisfied()) {
      return OK;
    }
    List<Integer> codes =
        result.invocations().stream()
            .filter(i -> i.outcome() != Outcome.SUCCESS)
            .map(InvocationResult::exitCode)
            .distinct()
            .toList();
    if (codes.size() == 1 && isProcessExitCode(codes.get(0)) && codes.get(0) != 0) {
      return codes.get(0);
    }
    return FAILURE;
  }

  /** -1 (never ran) and Windows codes above 255 cannot be a process's exit status. */
  private static boolean isProcessExitCode(int code) {
    return code >= 0 && code <= 255;
  }
}
