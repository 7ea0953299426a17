package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a request into the document's {@code commands} lines, quoting every value. */
final class Scripts {
  static final String STRICT_SHELL = "set -e";
  private static final Pattern SHELL_SHEBANG =
      Pattern.compile("#!\\s*(\\S*/)?(env\\s+)?(ba|da|z|k|mk)?sh(\\s.*)?");

  private Scripts() {}

  /** Quotes {@code value} for POSIX {@code sh}: the shell sees exactly these bytes. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Quotes {@code value} for PowerShell as a verbatim string. */
  static String powerShellQuote(String value) {
    return "'" + value.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
  }

  /** The lines to send for {@code payload} under {@code document} (SHELL or POWERSHELL). */
  static List<String> render(Payload payload, Document document) {
    boolean shell = document != Document.POWERSHELL;
    List<String> lines = new ArrayList<>();
    String body = payload.script().orElseGet(() -> argv(payload.command(), shell));
    boolean shellInterpreter = true;
    if (body.startsWith("#!")) {
      int end = body.indexOf('\n');
      String shebang = end < 0 ? body : body.substring(0, end);
      shellInterpreter = SHELL_SHEBANG.matcher(shebang).matches();
      lines.add(shebang);
      body = end < 0 ? "" : body.substring(end + 1);
    }
    if (shell && shellInterpreter && payload.strictMode() && isMultiLine(body)) {
      lines.add(STRICT_SHELL);
    }
    for (Map.Entry<String, String> e : payload.environment().entrySet()) {
      lines.add(
          shell
              ? "export " + e.getKey() + "=" + shellQuote(e.getValue())
              : "$env:" + e.getKey() + " = " + powerShellQuote(e.getValue()));
    }
    lines.add(body);
    return List.of(String.join("\n", lines));
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

  /** More than one line that is neither blank nor a comment. */
  static boolean isMultiLine(String script) {
    return script.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count()
        > 1;
  }
}
