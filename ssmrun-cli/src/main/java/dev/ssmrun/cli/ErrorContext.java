package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.ConnectionOptions;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.OutputFormat;
import dev.ssmrun.cli.print.OutputOptions;

/**
 * What the error handler needs to know about the command that failed.
 *
 * @param format the output format asked for: JSON modes get the error as JSON too (null if none)
 * @param where the SSM endpoint as the user knows it, for messages
 * @param debug {@code --debug}: the full error chain is printed as well
 */
record ErrorContext(OutputFormat format, String where, boolean debug) {
  /** A command that talks to SSM. */
  interface Source {
    /** This command's context, from its options as parsed so far. */
    ErrorContext errorContext();
  }

  static ErrorContext of(ConnectionOptions connection, OutputOptions output, Services services) {
    return new ErrorContext(
        output.format(), connection.where(services.environment()), output.debug());
  }
}
