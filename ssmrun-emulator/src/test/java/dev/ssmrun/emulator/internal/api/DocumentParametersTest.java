package dev.ssmrun.emulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentParametersTest {
  @Test
  void validate_onlyCommands_defaultsFilledIn() {
    Map<String, List<String>> out =
        DocumentParameters.validate(Map.of("commands", List.of("echo hi")));

    assertThat(out)
        .containsEntry("executionTimeout", List.of("3600"))
        .containsEntry("workingDirectory", List.of(""));
  }

  @Test
  void validate_unknownName_invalidParametersNamingIt() {
    assertThatThrownBy(
            () -> DocumentParameters.validate(Map.of("commands", List.of("x"), "cmd", List.of())))
        .isInstanceOfSatisfying(
            AwsError.class,
            e -> {
              assertThat(e.code()).isEqualTo("InvalidParameters");
              assertThat(e.getMessage()).contains("[cmd]").contains("commands");
            });
  }

  @Test
  void validate_executionTimeoutOutOfRange_rejected() {
    assertThatThrownBy(
            () ->
                DocumentParameters.validate(
                    Map.of("commands", List.of("x"), "executionTimeout", List.of("172801"))))
        .hasMessageContaining("1 to 172800");
  }

  @Test
  void validate_noCommands_rejected() {
    assertThatThrownBy(() -> DocumentParameters.validate(Map.of("commands", List.of())))
        .hasMessageContaining("commands");
  }
}
