package dev.ssmrun;

/**
 * A thread waiting for a result was interrupted. The interrupt flag is set again before this is
 * thrown. Interrupting {@link SsmRunner#run} itself does not throw this: it cancels the command and
 * returns the result.
 */
public final class RunInterruptedException extends SsmRunException {
  private static final long serialVersionUID = 1L;

  /** An exception caused by {@code cause}. */
  public RunInterruptedException(String message, InterruptedException cause) {
    super(message, cause);
  }
}
