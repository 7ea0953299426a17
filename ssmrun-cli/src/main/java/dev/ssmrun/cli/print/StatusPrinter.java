package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints commands as they stand ({@code ssmrun status}; {@code ssmrun cancel} once its cancel
 * shows). Text: a table on standard output, one row per instance (with a COMMAND ID column when
 * there are several commands), then {@code ssmrun: N instances: ...} with the counts on standard
 * error. {@code -o json}: the counts and {@code "invocations": [...]} in one document. {@code -o
 * jsonl}: one {@code {"type":"invocation"}} per instance, then one {@code {"type":"status"}}.
 */
public final class StatusPrinter {
  static final List<String> COLUMNS =
      List.of("INSTANCE ID", "NAME", "STATUS", "DETAILS", "EXIT", "ELAPSED");

  private StatusPrinter() {}

  /** Prints {@code progress}; running instances' elapsed time is counted up to {@code now}. */
  public static void print(OutputFormat format, Progress progress, Instant now, CliOutput output) {
    switch (format) {
      case TEXT -> text(progress, now, output);
      case JSON -> output.out(Json.document(document(progress)) + "\n");
      case JSONL -> lines(progress, output);
    }
  }

  private static void text(Progress progress, Instant now, CliOutput output) {
    boolean byCommand = progress.commandIds().size() > 1;
    List<String> header = new ArrayList<>(COLUMNS);
    List<List<String>> rows = new ArrayList<>();
    for (InvocationResult i : progress.invocations()) {
      List<String> row = new ArrayList<>(row(i, now));
      if (byCommand) {
        row.add(0, i.commandId());
      }
      rows.add(row);
    }
    if (byCommand) {
      header.add(0, "COMMAND ID");
    }
    int statusColumn = header.indexOf("STATUS");
    Style style = output.outStyle();
    if (!rows.isEmpty()) {
      output.out(
          TextTable.render(
              header,
              rows,
              (r, c, padded) ->
                  c == statusColumn
                      ? Counts.paint(style, progress.invocations().get(r).outcome(), padded)
                      : padded));
    }
    output.errLine("ssmrun: " + counts(progress, output.errStyle()));
  }

  private static String counts(Progress progress, Style style) {
    if (progress.total() == 0) {
      return "SSM lists no invocation of " + String.join(", ", progress.commandIds()) + " yet";
    }
    int n = progress.total();
    return n
        + (n == 1 ? " instance: " : " instances: ")
        + String.join(", ", Counts.of(progress, style));
  }

  static List<String> row(InvocationResult i, Instant now) {
    return List.of(
        i.instanceId(),
        orDash(i.instanceName()),
        i.status(),
        orDash(i.statusDetails()),
        i.exitCode() >= 0 ? Integer.toString(i.exitCode()) : "-",
        elapsed(i, now));
  }

  private static String elapsed(InvocationResult i, Instant now) {
    if (i.startTime().isEmpty()) {
      return "-";
    }
    if (i.outcome() == Outcome.UNFINISHED) {
      Duration running = Duration.between(i.startTime().get(), now);
      return running.isNegative() ? "-" : Durations.human(running);
    }
    return Durations.human(i.elapsed());
  }

  private static ObjectNode document(Progress progress) {
    ObjectNode root = Json.progress(progress);
    ArrayNode invocations = root.putArray("invocations");
    progress.invocations().forEach(i -> invocations.add(Json.invocation(i)));
    return root;
  }

  private static void lines(Progress progress, CliOutput output) {
    StringBuilder s = new StringBuilder();
    for (InvocationResult i : progress.invocations()) {
      s.append(Json.line(Json.typed("invocation").setAll(Json.invocation(i)))).append('\n');
    }
    s.append(Json.line(Json.typed("status").setAll(Json.progress(progress)))).append('\n');
    output.out(s.toString());
  }

  private static String orDash(String value) {
    return value.isEmpty() ? "-" : value;
  }
}
