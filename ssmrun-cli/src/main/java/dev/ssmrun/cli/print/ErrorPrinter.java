package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.cli.CliError;
import java.io.PrintWriter;

/**
 * In JSON modes an error is also an object on standard output: {@code {"error": CODE, "message":
 * ..., "exitCode": N}} ({@code -o jsonl} adds {@code "type": "error"}). CODE is stable: {@code
 * usage}, {@code no_region}, {@code no_credentials}, {@code access_denied}, {@code
 * endpoint_unreachable}, {@code throttled}, {@code preflight_failed}, {@code no_instance_matched}, {@code command_not_found},
 * {@code aws_error}, {@code aws_client}, {@code error}, {@code internal}.
 */
public final class ErrorPrinter {
  private ErrorPrinter() {}

  public static void json(CliError error, OutputFormat format, PrintWriter out) {
    if (format == null || !format.isJson()) {
      return;
    }
    ObjectNode node = Json.error(error);
    if (format == OutputFormat.JSONL) {
      ObjectNode typed = Json.object();
      typed.put("type", "error");
      node = typed.setAll(node);
    }
    out.println(format == OutputFormat.JSON ? Json.document(node) : Json.line(node));
    out.flush();
  }
}
