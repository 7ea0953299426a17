package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code run --no-wait}: the command ids, one per line (text) or as {@code {"commandIds":[]}}. */
public final class NoWaitPrinter {
  private NoWaitPrinter() {}

  public static void print(OutputFormat format, List<String> commandIds, CliOutput output) {
    if (format == OutputFormat.TEXT) {
      output.out(String.join("\n", commandIds) + "\n");
      return;
    }
    ObjectNode node = Json.object();
    if (format == OutputFormat.JSONL) {
      node.put("type", "sent");
    }
    Json.commandIds(node, commandIds);
    output.out((format == OutputFormat.JSON ? Json.document(node) : Json.line(node)) + "\n");
  }
}
