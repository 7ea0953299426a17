package dev.ssmrun.emulator.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TruncationTest {
  @Test
  void content_fitsExactly_unchanged() {
    byte[] out = "a".repeat(24_000).getBytes(StandardCharsets.UTF_8);

    assertThat(Truncation.content(out, 24_000)).isEqualTo("a".repeat(24_000));
  }

  @Test
  void content_oneByteOver_headPlusSuffixWithinLimit() {
    byte[] out = "a".repeat(24_001).getBytes(StandardCharsets.UTF_8);

    String content = Truncation.content(out, 24_000);

    assertThat(content).hasSize(24_000).endsWith("a--output truncated--");
    assertThat(content).startsWith("a".repeat(23_980));
  }

  @Test
  void content_multiByteCharacters_countsBytes() {
    byte[] out = "é".repeat(5_000).getBytes(StandardCharsets.UTF_8); // 10,000 bytes

    String content = Truncation.content(out, 8_000);

    assertThat(content.getBytes(StandardCharsets.UTF_8)).hasSize(8_000);
    assertThat(content).endsWith("--output truncated--");
  }

  @Test
  void pluginOutput_bothShort_joinedWithErrorTitle() {
    assertThat(Truncation.pluginOutput("out", "err", 2_500))
        .isEqualTo("out\n----------ERROR-------\nerr");
  }

  @Test
  void pluginOutput_noStderr_noTitle() {
    assertThat(Truncation.pluginOutput("out", "", 2_500)).isEqualTo("out");
  }

  @Test
  void pluginOutput_longStdout_cutWithOutputMarker() {
    String output = Truncation.pluginOutput("x".repeat(3_000), "", 2_500);

    assertThat(output).hasSize(2_500).endsWith("x\n---Output truncated---");
  }

  @Test
  void pluginOutput_bothLong_eachGetsHalf() {
    String output = Truncation.pluginOutput("o".repeat(3_000), "e".repeat(3_000), 2_500);

    int half = (2_500 - 24 - 23 - 23) / 2; // title 24 bytes, each marker 23
    assertThat(output)
        .isEqualTo(
            "o".repeat(half)
                + "\n---Output truncated---"
                + "\n----------ERROR-------\n"
                + "e".repeat(half)
                + "\n---Error truncated----");
  }

  @Test
  void pluginOutput_shortStdoutLongStderr_stderrCut() {
    String output = Truncation.pluginOutput("out", "e".repeat(3_000), 2_500);

    assertThat(output)
        .startsWith("out\n----------ERROR-------\neee")
        .endsWith("e\n---Error truncated----")
        .hasSize(2_500);
  }
}
