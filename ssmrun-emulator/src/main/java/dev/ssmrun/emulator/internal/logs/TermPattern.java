package dev.ssmrun.emulator.internal.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The term form of a CloudWatch Logs filter pattern: every plain term must occur in the message,
 * at least one {@code ?term} if any is given, and no {@code -term}. Terms are case-sensitive;
 * {@code "double quotes"} hold a phrase with spaces or symbols. An empty pattern matches all. JSON
 * ({@code { ... }}) and space-delimited ({@code [ ... ]}) patterns and regular expressions ({@code
 * %...%}) are not supported. Instances are immutable.
 */
public final class TermPattern implements Predicate<String> {
  private final List<String> required = new ArrayList<>();
  private final List<String> optional = new ArrayList<>();
  private final List<String> excluded = new ArrayList<>();

  private TermPattern() {}

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException for a form this emulator does not support, or an unclosed
   *     quote
   */
  public static TermPattern parse(String pattern) {
    TermPattern out = new TermPattern();
    String text = pattern.trim();
    if (text.startsWith("{") || text.startsWith("[") || text.startsWith("%")) {
      throw new IllegalArgumentException(
          "the emulator supports term filter patterns only (terms, \"phrases\", ?term, -term),"
              + " not JSON, space-delimited or regular-expression patterns");
    }
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      List<String> target = out.required;
      if (c == '?' || c == '-') {
        target = c == '?' ? out.optional : out.excluded;
        i++;
      }
      int end;
      String term;
      if (i < text.length() && text.charAt(i) == '"') {
        end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in filter pattern");
        }
        term = text.substring(i + 1, end);
        end++;
      } else {
        end = text.indexOf(' ', i);
        end = end < 0 ? text.length() : end;
        term = text.substring(i, end);
      }
      if (!term.isEmpty()) {
        target.add(term);
      }
      i = end;
    }
    return out;
  }

  @Override
  public boolean test(String message) {
    return required.stream().allMatch(message::contains)
        && (optional.isEmpty() || optional.stream().anyMatch(message::contains))
        && excluded.stream().noneMatch(message::contains);
  }
}
