package dev.ssmrun.cli.convert;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return positive(
          value,
          switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
          });
    }
    try {
      return positive(value, Duration.parse(value.trim().toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      TypeConversionException notADuration =
          new TypeConversionException(
              "'" + value + "' is not a duration; use e.g. 500ms, 30s, 5m, 2h or PT1M30S");
      notADuration.initCause(e);
      throw notADuration;
    }
  }

  private static Duration positive(String value, Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' must be a positive duration");
    }
    return duration;
  }
}
