package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text layout, built for grep: each instance's stdout goes to standard output and its stderr
 * to standard error, every line prefixed by {@code ID: }. ssmrun's own lines go to standard
 * error and start with {@code ssmrun: }: a header per instance as it finishes ({@code ssmrun: ID
 * STATUS exit=N 0.4s}), then a summary that says whether the failure policy held. On a terminal
 * a live status line is kept at the bottom of standard error.
 */
final class TextRunPrinter implements RunPrinter {
  static final String TRUNCATED =
      "output truncated by SSM (24,000 characters of stdout, 8,000 of stderr); add"
          + " --output-s3-bucket to get all of it";

  private final CliOutput output;
  private final Style err;

  TextRunPrinter(CliOutput output) {
    this.output = output;
    this.err = output.errStyle();
  }

  @Override
  public void invocation(InvocationResult i) {
    output.errLine("ssmrun: " + header(i));
    output.out(prefixed(output.outStyle().dim(i.instanceId() + ":"), i.stdout()));
    output.err(prefixed(err.dim(i.instanceId() + ":"), i.stderr()));
    if (i.stdoutTruncated() || i.stderrTruncated()) {
      output.errLine("ssmrun: " + i.instanceId() + ": " + TRUNCATED);
    }
  }

  @Override
  public void progress(Progress progress, Duration elapsed) {
    List<String> parts = new ArrayList<>();
    long pending =
        progress.invocations().stream()
            .filter(i -> i.outcome() == Outcome.UNFINISHED && isPending(i.status()))
            .count();
    long running = progress.runningCount() - pending;
    if (pending > 0 || progress.total() == 0) {
      parts.add(pending + " pending");
    }
    if (running > 0) {
      parts.add(running + " running");
    }
    counts(progress.countsByOutcome(), parts);
    output.status("ssmrun: " + String.join(", ", parts) + " (" + Durations.human(elapsed) + ")");
  }

  @Override
  public void warning(String warning) {
    output.errLine("ssmrun: warning: " + warning);
  }

  /** SSM's statuses before the agent starts the script. */
  private static boolean isPending(String status) {
    return status.isEmpty() || status.equals("Pending") || status.equals("Delayed");
  }

  @Override
  public void finished(RunSummary summary) {
    output.clearStatus();
    CommandResult result = summary.result();
    List<String> parts = new ArrayList<>();
    counts(result.countsByOutcome(), parts);
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

  private void counts(Map<Outcome, Integer> counts, List<String> parts) {
    counts.forEach(
        (outcome, count) -> {
          if (count > 0 && outcome != Outcome.UNFINISHED) {
            parts.add(paint(outcome, count + " " + label(outcome)));
          }
        });
  }

  private String header(InvocationResult i) {
    StringBuilder s = new StringBuilder(i.instanceId()).append(' ');
    s.append(paint(i.outcome(), i.status()));
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

  private String paint(Outcome outcome, String text) {
    return switch (outcome) {
      case SUCCESS -> err.green(text);
      case FAILED, NOT_DELIVERED -> err.red(text);
      default -> err.yellow(text);
    };
  }

  /** Outcomes in the summary's words: "succeeded", "not delivered", "cancelled by ssmrun". */
  static String label(Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> "succeeded";
      case CANCELLED_BY_CLIENT -> "cancelled by ssmrun";
      default -> outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** Every line of {@code text} prefixed; a missing final newline is added, blank lines kept. */
  static String prefixed(String prefix, String text) {
    if (text.isEmpty()) {
      return "";
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    StringBuilder s = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      s.append(prefix).append(' ').append(line).append('\n');
    }
    return s.toString();
  }
}
