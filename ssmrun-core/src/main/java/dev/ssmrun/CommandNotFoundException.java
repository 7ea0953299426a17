package dev.ssmrun;

/**
 * SSM never showed a command that it accepted, even after the grace window for its eventual
 * consistency. Usually a wrong region or endpoint, or the command history was purged.
 */
public final class CommandNotFoundException extends SsmRunException {
  private static final long serialVersionUID = 1L;
  private final String commandId;

  /** An exception for {@code commandId}. */
  public CommandNotFoundException(String commandId, String message) {
    super(message);
    this.commandId = commandId;
  }

  /** The command SSM did not show. */
  public String commandId() {
    return commandId;
  }
}
