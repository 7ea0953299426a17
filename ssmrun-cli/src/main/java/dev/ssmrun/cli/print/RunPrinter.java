package dev.ssmrun.cli.print;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import java.time.Duration;
import java.util.List;

/** Prints a run as it goes, in one output format. Called from one thread at a time. */
public interface RunPrinter {
  /** The commands were sent and are being watched. */
  default void sent(List<String> commandIds) {}

  /** Live output of one instance (whole lines), when the run follows its output. */
  default void output(OutputChunk chunk) {}

  /** One instance reached its outcome; called once per instance, as soon as it is known. */
  void invocation(InvocationResult invocation);

  /** Counts so far, at least every second while waiting. */
  default void progress(Progress progress, Duration elapsed) {}

  /** Something the user should know that does not fail the run (e.g. a stricter MaxErrors). */
  default void warning(String warning) {}

  /** The run is over. */
  void finished(RunSummary summary);

  /**
   * The printer for {@code format}; {@code quiet} prints only the instances' output; with {@code
   * follow} the output arrives as {@link #output} chunks, and is not printed again per instance.
   */
  static RunPrinter of(OutputFormat format, boolean quiet, boolean follow, CliOutput output) {
    if (quiet) {
      return new QuietRunPrinter(output, follow);
    }
    return switch (format) {
      case TEXT -> new TextRunPrinter(output, follow);
      case JSON -> new JsonRunPrinter(output);
      case JSONL -> new JsonLinesRunPrinter(output);
    };
  }
}
