package dev.ssmrun.cli.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @ParameterizedTest
  @CsvSource({
    "500ms,PT0.5S",
    "45,PT45S",
    "30s,PT30S",
    "5m,PT5M",
    "2h,PT2H",
    "1d,PT24H",
    "PT1M30S,PT1M30S",
    "pt2m,PT2M",
    " 10S ,PT10S"
  })
  void convert_acceptedForms(String text, String expected) {
    assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "PT0S", "-PT1S", "5x", "ten", ""})
  void convert_zeroNegativeOrGarbage_saysWhatIsAccepted(String text) {
    assertThatThrownBy(() -> converter.convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'" + text + "'");
  }
}
