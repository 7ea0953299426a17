package dev.ssmrun.cli;

/** What the error handler needs to know about the command that failed. */
interface ErrorContext {
  /** The output format the user asked for: JSON modes get the error as JSON too. */
  OutputFormat format();

  /** The SSM endpoint as the user knows it, for error messages. */
  String where();

  /** True with {@code --debug}: the full error chain is printed as well. */
  boolean debug();
}
