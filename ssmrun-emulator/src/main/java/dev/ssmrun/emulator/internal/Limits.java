package dev.ssmrun.emulator.internal;

/** MaxConcurrency and MaxErrors as numbers for a given target count. Pure functions. */
public final class Limits {
  private Limits() {}

  /** How many invocations may run at once: "N", or "N%" of the targets (at least 1). */
  static int concurrency(String maxConcurrency, int targets) {
    if (maxConcurrency.endsWith("%")) {
      int percent = Integer.parseInt(maxConcurrency.substring(0, maxConcurrency.length() - 1));
      return Math.max(1, (int) Math.ceil(targets * percent / 100.0));
    }
    return Integer.parseInt(maxConcurrency);
  }

  /** How many errors are tolerated; one more stops the command: "N", or "N%" of the targets. */
  static int errors(String maxErrors, int targets) {
    if (maxErrors.endsWith("%")) {
      int percent = Integer.parseInt(maxErrors.substring(0, maxErrors.length() - 1));
      return (int) Math.floor(targets * percent / 100.0);
    }
    return Integer.parseInt(maxErrors);
  }

  /** The agent's execution timeout: values outside 5..172800 seconds fall back to 3600. */
  public static long agentTimeout(int executionTimeoutSeconds) {
    if (executionTimeoutSeconds < 5 || executionTimeoutSeconds > 172_800) {
      return 3600;
    }
    return executionTimeoutSeconds;
  }
}
