package dev.ssmrun.cli.connect;

import java.util.function.Consumer;

/**
 * {@code --debug}: one line per API call and the full error chain, on standard error. Never
 * request or response bodies (scripts, environment values), credentials or URLs with queries.
 */
public final class DebugLog {
  public static final DebugLog OFF = new DebugLog(null);

  private final Consumer<String> sink;

  /** {@code sink} receives whole lines without a newline; null means off. */
  public DebugLog(Consumer<String> sink) {
    this.sink = sink;
  }

  public boolean enabled() {
    return sink != null;
  }

  void log(String line) {
    if (sink != null) {
      sink.accept("ssmrun: debug: " + line);
    }
  }

  /** The error's chain, class names and all, for people who asked for it. */
  public void error(Throwable error) {
    if (sink == null) {
      return;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      log(
          (t == error ? "error: " : "caused by: ")
              + t.getClass().getName()
              + ": "
              + t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
  }
}
