package dev.ssmrun;

import java.time.Duration;

/**
 * {@link RunHandle#await(Duration)} gave up before the run finished. The run goes on; call {@link
 * RunHandle#cancel()} to stop it.
 */
public final class AwaitTimeoutException extends SsmRunException {
  private static final long serialVersionUID = 1L;

  /** An exception for a wait of {@code waited}. */
  public AwaitTimeoutException(Duration waited) {
    super("the run did not finish within " + waited + "; it is still running");
  }
}
