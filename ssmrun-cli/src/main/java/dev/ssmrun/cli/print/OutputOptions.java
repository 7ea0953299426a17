package dev.ssmrun.cli.print;

import dev.ssmrun.cli.connect.DebugLog;
import dev.ssmrun.cli.connect.Services;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Output options shared by the commands that talk to SSM: -o, --no-color, --debug. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (default), json (one document at the end) or jsonl (one JSON object per line as"
              + " results arrive). Example: -o jsonl")
  OutputFormat format = OutputFormat.TEXT;

  @Option(
      names = "--no-color",
      description =
          "No colours (also when NO_COLOR is set; colours are only ever used on a terminal)."
              + " Example: --no-color")
  boolean noColor;

  @Option(
      names = "--debug",
      description =
          "Log each AWS API call (operation, HTTP status, duration, attempts, request id) and the"
              + " full error to standard error; never scripts, environment values or"
              + " credentials. Example: --debug")
  boolean debug;

  /** The format asked for with {@code -o}. */
  public OutputFormat format() {
    return format;
  }

  /** True with {@code --debug}. */
  public boolean debug() {
    return debug;
  }

  /** The printing layer for a command; {@code statusLine} asks for a live line on a terminal. */
  public CliOutput output(PrintWriter out, PrintWriter err, Services services, boolean statusLine) {
    var env = services.environment();
    boolean errTerminal = services.isTerminal(2);
    Style outStyle = Style.of(services.isTerminal(1), noColor, env);
    Style errStyle = Style.of(errTerminal, noColor, env);
    boolean live =
        statusLine && errTerminal && format == OutputFormat.TEXT && !"dumb".equals(env.get("TERM"));
    return new CliOutput(out, err, live, outStyle, errStyle);
  }

  public DebugLog debugLog(CliOutput output) {
    return debug ? new DebugLog(output::errLine) : DebugLog.OFF;
  }
}
