package dev.ssmrun.cli;

/** How {@code ssmrun run} prints results. */
enum OutputFormat {
  /** Each output line prefixed by its instance id; failures and counts on standard error. */
  TEXT,
  /** One JSON document on standard output. */
  JSON
}
