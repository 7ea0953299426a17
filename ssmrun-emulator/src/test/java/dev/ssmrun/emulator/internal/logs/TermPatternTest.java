package dev.ssmrun.emulator.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The term form of filter patterns. */
class TermPatternTest {
  @Test
  void terms_allRequired_caseSensitive() {
    TermPattern p = TermPattern.parse("ERROR disk");

    assertThat(p.test("ERROR: disk full")).isTrue();
    assertThat(p.test("ERROR: memory")).isFalse();
    assertThat(p.test("error: disk full")).isFalse();
  }

  @Test
  void quotedPhrase_optionalAndExcludedTerms() {
    assertThat(TermPattern.parse("\"disk full\"").test("the disk full now")).isTrue();
    assertThat(TermPattern.parse("\"disk full\"").test("full disk")).isFalse();
    assertThat(TermPattern.parse("?WARN ?ERROR").test("WARN x")).isTrue();
    assertThat(TermPattern.parse("?WARN ?ERROR").test("INFO x")).isFalse();
    assertThat(TermPattern.parse("ERROR -retry").test("ERROR retry")).isFalse();
    assertThat(TermPattern.parse("").test("anything")).isTrue();
  }

  @Test
  void jsonOrSpaceDelimitedPattern_refusedSayingWhat() {
    assertThatThrownBy(() -> TermPattern.parse("{ $.level = \"error\" }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("term filter patterns only");
    assertThatThrownBy(() -> TermPattern.parse("[ip, user]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
