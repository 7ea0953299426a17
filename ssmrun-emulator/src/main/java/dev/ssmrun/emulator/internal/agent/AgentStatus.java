package dev.ssmrun.emulator.internal.agent;

/** The agent's mapping from how a script ended to invocation Status / StatusDetails. */
public final class AgentStatus {
  /** Exit code the Linux agent reports for a script it stopped (SIGKILL). */
  static final int STOPPED = 137;

  /** Exit code meaning "succeed and skip the remaining steps". */
  public static final int SUCCESS_AND_SKIP = 168;

  /** Exit code meaning "fail and skip the remaining steps". */
  static final int FAIL_AND_SKIP = 169;

  private AgentStatus() {}

  /** Status and StatusDetails for an ended script. */
  public static String[] of(RunningScript.Outcome outcome, int exitCode) {
    if (outcome == RunningScript.Outcome.CANCELLED
        || outcome == RunningScript.Outcome.NOT_STARTED) {
      return new String[] {"Cancelled", "Cancelled"};
    }
    // The agent treats 137 as a timeout unless it cancelled the script itself.
    if (outcome == RunningScript.Outcome.TIMED_OUT || exitCode == STOPPED) {
      return new String[] {"TimedOut", "ExecutionTimedOut"};
    }
    if (exitCode == 0 || exitCode == SUCCESS_AND_SKIP) {
      return new String[] {"Success", "Success"};
    }
    return new String[] {"Failed", "Failed"};
  }

  /**
   * ResponseCode: -1 if nothing ran, the agent's "stopped preemptively" code when it stopped the
   * script (137; -1 on Windows), else the exit code.
   */
  public static int responseCode(RunningScript.Outcome outcome, int exitCode, boolean windows) {
    if (outcome == RunningScript.Outcome.NOT_STARTED) {
      return -1;
    }
    if (outcome != RunningScript.Outcome.EXITED) {
      return windows ? -1 : STOPPED;
    }
    return exitCode;
  }
}
