package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import java.util.List;

/**
 * The one place where a result becomes an exit code. Like {@code ssh}, the remote code passes
 * through: a single instance's own code, or the common code when every instance agrees. Otherwise
 * 0 when the failure policy holds and 1 when it does not. 124 means the client deadline passed.
 */
final class ExitCodes {
  /** The client deadline passed (as GNU {@code timeout}). */
  static final int DEADLINE = 124;

  /** Interrupted by Ctrl-C (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int of(CommandResult result) {
    if (result.deadlineExceeded()) {
      return DEADLINE;
    }
    List<InvocationResult> invocations = result.invocations();
    if (invocations.isEmpty()) {
      return SsmrunCommand.FAILURE;
    }
    List<Integer> codes = invocations.stream().map(InvocationResult::exitCode).distinct().toList();
    if (codes.size() == 1 && isProcessExitCode(codes.get(0))) {
      return codes.get(0);
    }
    return result.policySatisfied() ? 0 : SsmrunCommand.FAILURE;
  }

  /** -1 (never ran) and Windows codes above 255 cannot be a process's exit status. */
  private static boolean isProcessExitCode(int code) {
    return code >= 0 && code <= 255;
  }
}
