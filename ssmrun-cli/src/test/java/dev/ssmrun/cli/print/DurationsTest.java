package dev.ssmrun.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "PT0.42S,0.4s",
    "PT9.96S,10.0s",
    "PT12S,12s",
    "PT4M5S,4m05s",
    "PT5M,5m",
    "PT1H30M,1h30m",
    "PT48H,48h"
  })
  void human_writesTheCommandLinesUnits(String iso, String expected) {
    assertThat(Durations.human(Duration.parse(iso))).isEqualTo(expected);
  }
}
