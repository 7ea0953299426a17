package dev.ssmrun;

/**
 * SSM never showed a command, even after the grace window for its eventual consistency: a command
 * this run sent (usually a wrong region or endpoint, or a purged history) or one given to {@link
 * SsmRunner#attach}.
 */
public final class CommandNotFoundException extends RunFailedException {
  private static final long serialVersionUID = 1L;
  private final String commandId;

  /** An exception for {@code commandId}, in a run that got as far as {@code partialResult}. */
  public CommandNotFoundException(String commandId, String message, CommandResult partialResult) {
    super(message, partialResult, null);
    this.commandId = commandId;
  }

  /** The command SSM did not show. */
  public String commandId() {
    return commandId;
  }
}
