package dev.ssmrun;

/**
 * Thrown by {@link CommandResult#requireSuccess()} when a run did not succeed. The message names
 * each failed instance with its status, exit code and the last lines of its stderr.
 */
public final class CommandFailedException extends SsmRunException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_LISTED = 10;
  private static final int TAIL_CHARS = 300;

  private final transient CommandResult result;

  /** An exception carrying {@code result}. */
  public CommandFailedException(CommandResult result) {
    super(message(result));
    this.result = result;
  }

  /** The result that did not succeed. */
  public CommandResult result() {
    return result;
  }

  private static String message(CommandResult result) {
    long failed = result.invocations().stream().filter(i -> !i.isSuccessful()).count();
    StringBuilder s = new StringBuilder();
    s.append("command ").append(String.join(",", result.commandIds())).append(" failed");
    if (result.invocations().isEmpty()) {
      return s.append(": no instance matched the targets").toString();
    }
    s.append(" on ")
        .append(failed)
        .append(" of ")
        .append(result.invocations().size())
        .append(" instance(s)");
    if (result.deadlineExceeded()) {
      s.append(" (client deadline passed)");
    }
    int listed = 0;
    for (InvocationResult i : result.invocations()) {
      if (!i.isSuccessful() && listed++ < MAX_LISTED) {
        s.append("\n  ").append(describe(i));
      }
    }
    if (failed > MAX_LISTED) {
      s.append("\n  ... and ").append(failed - MAX_LISTED).append(" more");
    }
    return s.toString();
  }

  private static String describe(InvocationResult i) {
    String line =
        i.instanceId()
            + ": "
            + i.outcome()
            + " ("
            + i.status()
            + (i.statusDetails().isEmpty() ? "" : "/" + i.statusDetails())
            + "), exit code "
            + i.exitCode();
    String tail = tail(i.stderr());
    return tail.isEmpty() ? line : line + ", stderr: " + tail;
  }

  private static String tail(String stderr) {
    String trimmed = stderr.strip();
    if (trimmed.length() > TAIL_CHARS) {
      trimmed = "..." + trimmed.substring(trimmed.length() - TAIL_CHARS);
    }
    return trimmed.replace("\n", " | ");
  }
}
