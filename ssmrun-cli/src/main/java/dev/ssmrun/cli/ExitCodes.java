package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;

/**
 * The one place where a result becomes an exit code: the library's own verdict, {@link
 * CommandResult#exitCode()}. 0 when the failure policy holds; otherwise the failed instances'
 * common exit code (as {@code ssh} passes a remote one through), else 1; 124 when the client
 * deadline passed; 255 when no instance received the command. 130 after Ctrl-C is the CLI's own.
 */
final class ExitCodes {
  /** The client deadline passed (as GNU {@code timeout}). */
  static final int DEADLINE = CommandResult.EXIT_DEADLINE;

  /** Interrupted by Ctrl-C (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int of(CommandResult result) {
    return result.exitCode();
  }
}
