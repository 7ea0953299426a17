package dev.ssmrun.internal.watch;

/**
 * SSM does not show a command past its grace window. The run turns this into the public {@code
 * CommandNotFoundException}, with what it knew by then.
 */
public final class MissingCommand extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String commandId;

  /** SSM does not show {@code commandId}; {@code message} says what to check. */
  public MissingCommand(String commandId, String message) {
    super(message, null, false, false);
    this.commandId = commandId;
  }

  /** The command SSM does not show. */
  public String commandId() {
    return commandId;
  }
}
