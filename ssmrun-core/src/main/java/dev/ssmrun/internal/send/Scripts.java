package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a payload into what an instance runs, quoting every value: the {@code commands} lines
 * sent inline, or the script file that is staged (its environment and arguments then travel in
 * the staged setup). Pure.
 */
public final class Scripts {
  static final String STRICT_SHELL = "set -e";
  private static final Pattern SHELL_SHEBANG =
      Pattern.compile("#!\\s*(\\S*/)?(env\\s+)?(ba|da|z|k|mk)?sh(\\s.*)?");

  private Scripts() {}

  /** Quotes {@code value} for POSIX {@code sh}: the shell sees exactly these bytes. */
  public static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Quotes {@code value} for PowerShell as a verbatim string. */
  public static String powerShellQuote(String value) {
    return "'" + value.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
  }

  /**
   * The lines to send inline for {@code payload} under {@code document} (SHELL or POWERSHELL),
   * with its plain environment and arguments. A shell script gets them as {@code export} and
   * {@code set --} lines; a script for another interpreter ({@code #!/usr/bin/env python3}) runs
   * unchanged, fed to its interpreter on file descriptor 3 when there is environment or arguments
   * to pass. Secret environment is never rendered inline.
   */
  public static List<String> render(Payload payload, Document document) {
    if (document == Document.POWERSHELL) {
      return List.of(powerShell(payload));
    }
    String body = body(payload, true);
    String shebang = shebang(body);
    if (shebang != null && !SHELL_SHEBANG.matcher(shebang).matches()) {
      return List.of(otherInterpreter(payload, body, shebang));
    }
    List<String> lines = new ArrayList<>();
    String rest = body;
    if (shebang != null) {
      lines.add(shebang);
      rest = body.substring(Math.min(body.length(), shebang.length() + 1));
    }
    if (payload.strictMode() && isMultiLine(rest)) {
      lines.add(STRICT_SHELL);
    }
    payload.environment().forEach((k, v) -> lines.add("export " + k + "=" + shellQuote(v)));
    if (!payload.arguments().isEmpty()) {
      lines.add("set -- " + quoteAll(payload.arguments()));
    }
    lines.add(rest);
    return List.of(String.join("\n", lines));
  }

  /**
   * The script to stage for {@code payload} under {@code document}: the script (or the argv line)
   * with strict mode applied as inline, without environment or arguments.
   */
  public static String staged(Payload payload, Document document) {
    boolean shell = document != Document.POWERSHELL;
    String body = body(payload, shell);
    String shebang = shebang(body);
    if (!shell || (shebang != null && !SHELL_SHEBANG.matcher(shebang).matches())) {
      return body;
    }
    String rest =
        shebang == null ? body : body.substring(Math.min(body.length(), shebang.length() + 1));
    if (!payload.strictMode() || !isMultiLine(rest)) {
      return body;
    }
    return (shebang == null ? "" : shebang + "\n") + STRICT_SHELL + "\n" + rest;
  }

  /** The interpreter line of {@code body}, without its newline; null if it has none. */
  static String shebang(String body) {
    if (!body.startsWith("#!")) {
      return null;
    }
    int end = body.indexOf('\n');
    return end < 0 ? body : body.substring(0, end);
  }

  static String argv(List<String> argv, boolean shell) {
    StringBuilder s = new StringBuilder(shell ? "" : "& ");
    for (int i = 0; i < argv.size(); i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(shell ? shellQuote(argv.get(i)) : powerShellQuote(argv.get(i)));
    }
    return s.toString();
  }

  /**
   * More than one line that is neither blank nor a comment. Skips comment lines with {@code
   * indexOf}: a staged script can be megabytes of them.
   */
  static boolean isMultiLine(String script) {
    int found = 0;
    int n = script.length();
    int i = 0;
    while (i < n) {
      int end = script.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      int first = i;
      while (first < end && Character.isWhitespace(script.charAt(first))) {
        first++;
      }
      if (first < end && script.charAt(first) != '#' && ++found > 1) {
        return true;
      }
      i = end + 1;
    }
    return false;
  }

  private static String body(Payload payload, boolean shell) {
    return payload.script().orElseGet(() -> argv(payload.command(), shell));
  }

  /** Each of {@code values} {@linkplain #shellQuote quoted}, separated by spaces. */
  public static String quoteAll(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(shellQuote(v)));
    return String.join(" ", quoted);
  }

  /**
   * A script for another interpreter, unchanged: with environment or arguments, the interpreter
   * named by its {@code #!} line (split on blanks) reads it from file descriptor 3.
   */
  private static String otherInterpreter(Payload payload, String body, String shebang) {
    if (payload.environment().isEmpty() && payload.arguments().isEmpty()) {
      return body;
    }
    List<String> lines = new ArrayList<>();
    payload.environment().forEach((k, v) -> lines.add("export " + k + "=" + shellQuote(v)));
    List<String> interpreter = List.of(shebang.substring(2).strip().split("\\s+"));
    String delimiter = delimiter(body);
    String args = payload.arguments().isEmpty() ? "" : " " + quoteAll(payload.arguments());
    lines.add("exec " + quoteAll(interpreter) + " /dev/fd/3" + args + " 3<<'" + delimiter + "'");
    lines.add(body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
    lines.add(delimiter);
    return String.join("\n", lines);
  }

  /** A here-document delimiter that no line of {@code body} equals. */
  private static String delimiter(String body) {
    String delimiter = "SSMRUN_EOF_" + Sha256.of(body).substring(0, 12);
    while (body.lines().anyMatch(delimiter::equals)) {
      delimiter += "_";
    }
    return delimiter;
  }

  private static String powerShell(Payload payload) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : payload.environment().entrySet()) {
      lines.add("$env:" + e.getKey() + " = " + powerShellQuote(e.getValue()));
    }
    String body = body(payload, false);
    if (payload.arguments().isEmpty()) {
      lines.add(body);
    } else {
      List<String> quoted = new ArrayList<>();
      payload.arguments().forEach(a -> quoted.add(powerShellQuote(a)));
      lines.add("& {\n" + body + "\n} " + String.join(" ", quoted));
    }
    return String.join("\n", lines);
  }
}
