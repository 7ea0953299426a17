package dev.ssmrun;

import java.util.List;

/**
 * A run failed as a whole after it began (e.g. access denied while polling, or a SendCommand that
 * failed for good after other commands of the fleet were sent). It names the commands already sent,
 * which ssmrun tried to cancel, and carries what was known of their invocations. The cause is the
 * underlying error (often an SDK exception).
 */
public class RunFailedException extends SsmRunException {
  private static final long serialVersionUID = 1L;
  private final List<String> commandIds;
  private final transient CommandResult partialResult;

  /** An exception for a run that had sent {@code partialResult.commandIds()} when it failed. */
  public RunFailedException(String message, CommandResult partialResult, Throwable cause) {
    super(message, cause);
    this.commandIds = partialResult.commandIds();
    this.partialResult = partialResult;
  }

  /** The SSM command ids sent before the failure; empty if nothing was sent. */
  public List<String> commandIds() {
    return commandIds;
  }

  /**
   * The invocations known when the run failed; those that had not finished are reported as
   * {@link Outcome#CANCELLED_BY_CLIENT} (ssmrun cancelled them).
   */
  public CommandResult partialResult() {
    return partialResult;
  }
}
