package dev.ssmrun.cli.convert;

import dev.ssmrun.FailurePolicy;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --allow-failures}: a count {@code N}, a percentage {@code P%}, or instance ids. */
public final class FailurePolicyConverter implements ITypeConverter<FailurePolicy> {
  @Override
  public FailurePolicy convert(String value) {
    String text = value.trim();
    try {
      if (text.matches("\\d+")) {
        return FailurePolicy.atMost(Integer.parseInt(text));
      }
      if (text.matches("\\d+(\\.\\d+)?%")) {
        double percent = Double.parseDouble(text.substring(0, text.length() - 1));
        if (percent > 100) {
          throw new TypeConversionException("'" + value + "' is over 100%");
        }
        return FailurePolicy.fraction(percent / 100);
      }
      Set<String> ids = new LinkedHashSet<>(KeyValue.commaList(text));
      if (!ids.isEmpty() && ids.stream().allMatch(id -> id.matches("m?i-\\w+"))) {
        return FailurePolicy.allowInstances(ids);
      }
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "': " + e.getMessage());
    }
    throw new TypeConversionException(
        "'"
            + value
            + "' is not a count (2), a percentage (10%) or instance ids (i-0abc...,i-0def...)");
  }
}
