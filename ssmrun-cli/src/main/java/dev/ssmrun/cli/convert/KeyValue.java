package dev.ssmrun.cli.convert;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/** A {@code Key=Value[,Value...]} option value, as given to --target, --env and --tag. */
public record KeyValue(String key, String value) {
  /** Splits {@code text} at the first '='; the key must not be empty. */
  public static KeyValue parse(String text, String example) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new TypeConversionException(
          "'" + text + "' is not Key=Value (for example " + example + ")");
    }
    return new KeyValue(text.substring(0, eq), text.substring(eq + 1));
  }

  /** The value split on commas, blanks dropped. */
  public List<String> values() {
    return commaList(value);
  }

  /** {@code text} split on commas, each item trimmed, blanks dropped. */
  static List<String> commaList(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
