package dev.ssmrun.cli.print;

import java.util.Map;

/** ANSI colours for one stream: on a terminal only, never with NO_COLOR, --no-color or TERM=dumb. */
public final class Style {
  static final Style PLAIN = new Style(false);

  private final boolean colour;

  private Style(boolean colour) {
    this.colour = colour;
  }

  public static Style of(boolean terminal, boolean noColorFlag, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    boolean refused = noColorFlag || (noColor != null && !noColor.isEmpty());
    return terminal && !refused && !"dumb".equals(env.get("TERM")) ? new Style(true) : PLAIN;
  }

  public boolean enabled() {
    return colour;
  }

  String green(String text) {
    return paint("32", text);
  }

  String red(String text) {
    return paint("31", text);
  }

  String yellow(String text) {
    return paint("33", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return colour ? "\033[" + code + "m" + text + "\033[0m" : text;
  }
}
