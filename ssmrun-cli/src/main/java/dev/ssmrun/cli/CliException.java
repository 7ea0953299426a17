package dev.ssmrun.cli;

/** A failure the CLI itself detected and already put in the caller's words. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient CliError error;

  CliException(CliError error) {
    this(error, null);
  }

  /** {@code cause}, for --debug: what the CLI put in other words. */
  CliException(CliError error, Throwable cause) {
    super(error.message(), cause);
    this.error = error;
  }

  CliError error() {
    return error;
  }
}
