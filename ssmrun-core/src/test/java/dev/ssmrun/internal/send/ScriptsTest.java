package dev.ssmrun.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.Document;
import dev.ssmrun.RunRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScriptsTest {
  private static final String ALPHABET = "ab 'x\"\\$`!*?;&|<>(){}[]#~%\n\t\u00e9\u2019\u4e2d=-";

  /** Property: for random strings, sh prints exactly the value that was quoted. */
  @Test
  void shellQuote_randomValues_shellSeesExactBytes() throws Exception {
    Random random = new Random(42);
    List<String> values = new ArrayList<>(List.of("", "'", "''", "\\'", "$(id)", "a\nb"));
    for (int i = 0; i < 300; i++) {
      values.add(randomString(random));
    }
    StringBuilder script = new StringBuilder();
    for (String v : values) {
      script.append(Scripts.argv(List.of("printf", "%s\\036", v), true)).append('\n');
    }

    String out = sh(script.toString());

    assertThat(Arrays.asList(out.split("\u001e", -1)))
        .hasSize(values.size() + 1)
        .startsWith(values.toArray(String[]::new));
  }

  @Test
  void render_environmentValues_exportedVerbatim() throws Exception {
    Random random = new Random(7);
    RunRequest.Builder b =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script("printf '%s|%s' \"$A\" \"$B\"");
    String a = randomString(random);
    String c = randomString(random);
    RunRequest request = b.putEnvironment("A", a).putEnvironment("B", c).build();

    String out = sh(Scripts.render(request.payload(), Document.SHELL).get(0));

    assertThat(out).isEqualTo(a + "|" + c);
  }

  @Test
  void render_multiLineStrict_addsSetEAfterShebang() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script("#!/bin/bash\nfalse\necho x")
            .build();

    assertThat(Scripts.render(request.payload(), Document.SHELL).get(0))
        .isEqualTo("#!/bin/bash\nset -e\nfalse\necho x");
  }

  @Test
  void render_singleLineOrPythonOrNotStrict_noSetE() {
    RunRequest.Builder b = RunRequest.builder().addInstanceId("i-0123456789abcdef0");

    assertThat(Scripts.render(b.script("false; echo x").build().payload(), Document.SHELL).get(0))
        .isEqualTo("false; echo x");
    assertThat(
            Scripts.render(
                    b.script("#!/usr/bin/python3\nimport os\nprint(1)").build().payload(),
                    Document.SHELL)
                .get(0))
        .doesNotContain("set -e");
    assertThat(
            Scripts.render(b.script("a\nb").strictMode(false).build().payload(), Document.SHELL)
                .get(0))
        .isEqualTo("a\nb");
  }

  @Test
  void render_powerShell_quotesWithDoubledSingleQuotes() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .command("Write-Output", "it's \u2019x\u2019")
            .putEnvironment("K", "v'1")
            .build();

    assertThat(Scripts.render(request.payload(), Document.POWERSHELL).get(0))
        .isEqualTo("$env:K = 'v''1'\n& 'Write-Output' 'it''s \u2019\u2019x\u2019\u2019'");
  }

  private static String randomString(Random random) {
    int length = random.nextInt(12);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static String sh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
