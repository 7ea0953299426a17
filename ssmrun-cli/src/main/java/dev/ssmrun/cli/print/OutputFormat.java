package dev.ssmrun.cli.print;

/** How a command prints its results. */
public enum OutputFormat {
  /** For people: aligned, prefixed, greppable lines; ssmrun's own lines on standard error. */
  TEXT,
  /** One JSON document on standard output at the end. */
  JSON,
  /** JSON Lines: one object per line on standard output, each as soon as it is known. */
  JSONL;

  public boolean isJson() {
    return this != TEXT;
  }
}
