package dev.ssmrun.cli.print;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The text layout, built for grep: each instance's stdout goes to standard output and its stderr
 * to standard error, every line prefixed by {@code ID: }. ssmrun's own lines go to standard
 * error and start with {@code ssmrun: }: a header per instance as it finishes ({@code ssmrun: ID
 * STATUS exit=N 0.4s}), then a summary that says whether the failure policy held. On a terminal
 * a live status line is kept at the bottom of standard error. When the output is followed, its
 * lines are printed as they arrive and the header follows them alone: each line appears once.
 */
public final class TextRunPrinter implements RunPrinter {
  public static final String TRUNCATED =
      "output truncated by SSM (24,000 characters of stdout, 8,000 of stderr); add"
          + " --staging-bucket or --output-s3-bucket to get all of it";

  private final CliOutput output;
  private final Style err;
  private final boolean follow;

  /** {@code follow}: the output comes as chunks, so the per-instance block is the header only. */
  TextRunPrinter(CliOutput output, boolean follow) {
    this.output = output;
    this.err = output.errStyle();
    this.follow = follow;
  }

  @Override
  public void output(OutputChunk chunk) {
    if (chunk.stream() == OutputChunk.Stream.STDOUT) {
      output.out(prefixed(output.outStyle().dim(chunk.instanceId() + ":"), chunk.text()));
    } else {
      output.err(prefixed(err.dim(chunk.instanceId() + ":"), chunk.text()));
    }
  }

  @Override
  public void invocation(InvocationResult i) {
    output.errLine("ssmrun: " + header(i));
    if (!follow) {
      output.out(prefixed(output.outStyle().dim(i.instanceId() + ":"), i.stdoutBytes()));
      output.err(prefixed(err.dim(i.instanceId() + ":"), i.stderrBytes()));
    }
    if (i.stdoutTruncated() || i.stderrTruncated()) {
      output.errLine("ssmrun: " + i.instanceId() + ": " + TRUNCATED);
    }
  }

  @Override
  public void progress(Progress progress, Duration elapsed) {
    List<String> parts = Counts.of(progress, err);
    output.status("ssmrun: " + String.join(", ", parts) + " (" + Durations.human(elapsed) + ")");
  }

  @Override
  public void warning(String warning) {
    output.errLine("ssmrun: warning: " + warning);
  }

  @Override
  public void finished(RunSummary summary) {
    output.clearStatus();
    CommandResult result = summary.result();
    List<String> parts = Counts.of(result.countsByOutcome(), err);
    int n = result.invocations().size();
    output.errLine(
        "ssmrun: "
            + n
            + (n == 1 ? " instance" : " instances")
            + " in "
            + Durations.human(summary.elapsed())
            + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
            + "; "
            + verdict(summary)
            + "; exit "
            + summary.exitCode());
  }

  private String verdict(RunSummary summary) {
    if (summary.interrupted()) {
      return "interrupted, what still ran was cancelled";
    }
    if (summary.result().deadlineExceeded()) {
      return "--wait-timeout passed, what still ran was cancelled";
    }
    if (summary.exitCode() == ExitCodes.UNREACHABLE) {
      return err.red("the command ran nowhere");
    }
    return summary.result().policySatisfied()
        ? err.green("failure policy held") + " (" + summary.policy() + ")"
        : err.red("failure policy broken") + " (" + summary.policy() + ")";
  }

  /** {@code ID STATUS (details) exit=N 1.2s}: the header line of an invocation, painted. */
  static String header(InvocationResult i, Style style) {
    StringBuilder s = new StringBuilder(i.instanceId()).append(' ');
    s.append(Counts.paint(style, i.outcome(), i.status()));
    if (!i.statusDetails().isEmpty() && !i.statusDetails().equalsIgnoreCase(i.status())) {
      s.append(" (").append(i.statusDetails()).append(')');
    }
    s.append(i.exitCode() >= 0 ? " exit=" + i.exitCode() : " did not run");
    if (i.startTime().isPresent()) {
      s.append(' ').append(Durations.human(i.elapsed()));
    }
    if (i.outcome() == Outcome.CANCELLED_BY_CLIENT) {
      s.append(", cancelled by ssmrun");
    }
    return s.toString();
  }

  private String header(InvocationResult i) {
    return header(i, err);
  }

  /** Every line of {@code text} prefixed; a missing final newline is added, blank lines kept. */
  static String prefixed(String prefix, String text) {
    return new String(
        prefixed(prefix, text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /**
   * Every line of {@code bytes} prefixed, the bytes unchanged (they need not be UTF-8); a missing
   * final newline is added, blank lines kept.
   */
  static byte[] prefixed(String prefix, byte[] bytes) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] head = (prefix + " ").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream s = new ByteArrayOutputStream(bytes.length + head.length * 8);
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      s.write(head, 0, head.length);
      s.write(bytes, start, end - start);
      s.write('\n');
      start = end + 1;
    }
    return s.toByteArray();
  }
}
