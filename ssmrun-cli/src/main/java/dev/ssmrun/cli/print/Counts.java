package dev.ssmrun.cli.print;

import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invocations counted in the command line's words, as the status line, the summary and {@code
 * ssmrun status} say them: {@code 1 pending, 2 running, 3 succeeded, 1 failed}.
 */
public final class Counts {
  private Counts() {}

  /** Pending and running ones (pending always when nothing is known yet), then each outcome. */
  public static List<String> of(Progress progress, Style style) {
    List<String> parts = new ArrayList<>();
    long pending = pending(progress);
    long running = progress.runningCount() - pending;
    if (pending > 0 || progress.total() == 0) {
      parts.add(pending + " pending");
    }
    if (running > 0) {
      parts.add(running + " running");
    }
    parts.addAll(of(progress.countsByOutcome(), style));
    return parts;
  }

  /** Unfinished invocations whose script has not started: SSM says Pending or Delayed. */
  static long pending(Progress progress) {
    return progress.invocations().stream()
        .filter(i -> i.outcome() == Outcome.UNFINISHED && isPending(i.status()))
        .count();
  }

  /** The outcomes that occurred, painted. */
  public static List<String> of(Map<Outcome, Integer> counts, Style style) {
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (outcome, count) -> {
          if (count > 0 && outcome != Outcome.UNFINISHED) {
            parts.add(paint(style, outcome, count + " " + label(outcome)));
          }
        });
    return parts;
  }

  /** Outcomes in the summary's words: "succeeded", "not delivered", "cancelled by ssmrun". */
  public static String label(Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> "succeeded";
      case CANCELLED_BY_CLIENT -> "cancelled by ssmrun";
      default -> outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** Green for success, red for failures, yellow for the rest. */
  static String paint(Style style, Outcome outcome, String text) {
    return switch (outcome) {
      case SUCCESS -> style.green(text);
      case FAILED, NOT_DELIVERED -> style.red(text);
      default -> style.yellow(text);
    };
  }

  /** SSM's statuses before the agent starts the script. */
  private static boolean isPending(String status) {
    return status.isEmpty() || status.equals("Pending") || status.equals("Delayed");
  }
}
