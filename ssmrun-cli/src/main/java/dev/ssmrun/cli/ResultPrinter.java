package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints each instance's stdout to standard output and stderr to standard error, every line
 * prefixed by the instance id; then, on standard error, a line per instance that did not succeed
 * and, for a fleet that did not fully succeed, a count by outcome.
 */
final class ResultPrinter {
  static final String TRUNCATED =
      "output truncated by SSM (24,000 characters of stdout, 8,000 of stderr); add"
          + " --output-s3-bucket to get all of it";

  private final PrintWriter out;
  private final PrintWriter err;

  ResultPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void print(CommandResult result) {
    for (InvocationResult invocation : result.invocations()) {
      printLines(out, invocation.instanceId(), invocation.stdout());
      printLines(err, invocation.instanceId(), invocation.stderr());
    }
    out.flush();
    for (InvocationResult invocation : result.invocations()) {
      if (invocation.outcome() != Outcome.SUCCESS) {
        err.println("ssmrun: " + invocation.instanceId() + ": " + describe(invocation));
      }
      if (invocation.stdoutTruncated() || invocation.stderrTruncated()) {
        err.println("ssmrun: " + invocation.instanceId() + ": " + TRUNCATED);
      }
    }
    boolean allSucceeded =
        result.invocations().stream().allMatch(i -> i.outcome() == Outcome.SUCCESS);
    if (result.invocations().size() > 1 && !allSucceeded) {
      err.println("ssmrun: " + summary(result));
    }
    err.flush();
  }

  private static void printLines(PrintWriter to, String instanceId, String text) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      to.println(instanceId + ": " + line);
    }
  }

  private static String describe(InvocationResult invocation) {
    StringBuilder s = new StringBuilder(invocation.status().toString());
    if (!invocation.statusDetails().isEmpty()
        && !invocation.statusDetails().equalsIgnoreCase(invocation.status().toString())) {
      s.append(" (").append(invocation.statusDetails()).append(')');
    }
    if (invocation.exitCode() >= 0) {
      s.append(", exit code ").append(invocation.exitCode());
    }
    if (invocation.outcome() == Outcome.CANCELLED_BY_CLIENT) {
      s.append(", cancelled by ssmrun");
    }
    return s.toString();
  }

  private static String summary(CommandResult result) {
    StringBuilder s = new StringBuilder(result.invocations().size() + " instances:");
    String separator = " ";
    for (Map.Entry<Outcome, Integer> e : result.countsByOutcome().entrySet()) {
      if (e.getValue() > 0) {
        s.append(separator).append(e.getValue()).append(' ').append(label(e.getKey()));
        separator = ", ";
      }
    }
    return s.toString();
  }

  private static String label(Outcome outcome) {
    return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
