package dev.ssmrun;

/** What happened to a command on one instance, as a {@link FailurePolicy} sees it. */
public enum Outcome {
  /** The command ran and exited 0. */
  SUCCESS,
  /** The command ran and exited non-zero (SSM status {@code Failed}). */
  FAILED,
  /** SSM stopped the command at its execution timeout ({@code ExecutionTimedOut}). */
  TIMED_OUT,
  /**
   * The command never ran: {@code DeliveryTimedOut}, {@code Undeliverable}, {@code
   * InvalidPlatform}, {@code AccessDenied}, or the instance was offline.
   */
  NOT_DELIVERED,
  /** Cancelled by someone else, or terminated by SSM after {@code MaxErrors} was exceeded. */
  CANCELLED,
  /**
   * Cancelled by ssmrun: the client deadline passed, {@code cancel()} was called, the waiting
   * thread was interrupted, or fail-fast stopped the rest of the fleet.
   */
  CANCELLED_BY_CLIENT,
  /**
   * Not finished yet (SSM status Pending, InProgress, Delayed or Cancelling). Appears only in
   * {@link Progress#invocations()} snapshots, never in a {@link CommandResult}.
   */
  UNFINISHED;

  /** True only for {@link #SUCCESS}. */
  public boolean isSuccess() {
    return this == SUCCESS;
  }
}
