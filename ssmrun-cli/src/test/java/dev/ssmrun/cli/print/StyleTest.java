package dev.ssmrun.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleTest {
  @Test
  void of_terminal_colours() {
    assertThat(Style.of(true, false, Map.of()).red("x")).isEqualTo("\033[31mx\033[0m");
  }

  @Test
  void of_notATerminal_noColours() {
    assertThat(Style.of(false, false, Map.of()).red("x")).isEqualTo("x");
  }

  @Test
  void of_noColorFlagOrNoColorVariableOrDumbTerminal_noColours() {
    assertThat(Style.of(true, true, Map.of()).enabled()).isFalse();
    assertThat(Style.of(true, false, Map.of("NO_COLOR", "1")).enabled()).isFalse();
    assertThat(Style.of(true, false, Map.of("TERM", "dumb")).enabled()).isFalse();
  }

  @Test
  void of_emptyNoColor_isIgnored_asNoColorOrgSays() {
    assertThat(Style.of(true, false, Map.of("NO_COLOR", "")).enabled()).isTrue();
  }
}
