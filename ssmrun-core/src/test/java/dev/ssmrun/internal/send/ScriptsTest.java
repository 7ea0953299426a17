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
  void isMultiLine_countsLinesThatAreNeitherBlankNorComments() {
    assertThat(Scripts.isMultiLine("")).isFalse();
    assertThat(Scripts.isMultiLine("a")).isFalse();
    assertThat(Scripts.isMultiLine("a\n")).isFalse();
    assertThat(Scripts.isMultiLine("  \n\t# c\n a \n#d\n\n")).isFalse();
    assertThat(Scripts.isMultiLine("exit 0\n" + "# x\n".repeat(100_000))).isFalse();
    assertThat(Scripts.isMultiLine("a\nb")).isTrue();
    assertThat(Scripts.isMultiLine("# c\n  a\r\n\t b \n")).isTrue();
    assertThat(Scripts.isMultiLine("a\n" + "# x\n".repeat(100_000) + "b")).isTrue();
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

  @Test
  void render_pythonWithEnvironmentAndArguments_runsUnchangedWithBoth() throws Exception {
    Random random = new Random(11);
    String value = randomString(random);
    String arg = randomString(random);
    String script =
        "#!/usr/bin/env python3\nimport os, sys\nsys.stdout.write(os.environ['X'] + '|' +"
            + " '|'.join(sys.argv[1:]))\n";
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script(script)
            .putEnvironment("X", value)
            .arguments("a b", arg)
            .build();

    String rendered = Scripts.render(request.payload(), Document.SHELL).get(0);

    assertThat(rendered).contains(script.strip()).doesNotContain("set -e");
    assertThat(sh(rendered)).isEqualTo(value + "|a b|" + arg);
  }

  @Test
  void render_pythonAlone_sentAsItIs() {
    String script = "#!/usr/bin/env python3\nprint(1)\nprint(2)\n";
    RunRequest request =
        RunRequest.builder().addInstanceId("i-0123456789abcdef0").script(script).build();

    assertThat(Scripts.render(request.payload(), Document.SHELL)).containsExactly(script);
  }

  @Test
  void render_shellArguments_setAsPositionalParameters() throws Exception {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script("printf '%s|' \"$#\" \"$@\"")
            .arguments("one", "two words", "it's $(id)")
            .build();

    assertThat(sh(Scripts.render(request.payload(), Document.SHELL).get(0)))
        .isEqualTo("3|one|two words|it's $(id)|");
  }

  @Test
  void render_powerShellArguments_passedToAScriptBlock() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script("Write-Output $args[0]")
            .arguments("it's")
            .build();

    assertThat(Scripts.render(request.payload(), Document.POWERSHELL).get(0))
        .isEqualTo("& {\nWrite-Output $args[0]\n} 'it''s'");
  }

  @Test
  void staged_strictModeButNoEnvironmentOrArguments() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId("i-0123456789abcdef0")
            .script("#!/bin/bash\nfalse\necho x")
            .putEnvironment("K", "v")
            .arguments("a")
            .build();

    assertThat(Scripts.staged(request.payload(), Document.SHELL))
        .isEqualTo("#!/bin/bash\nset -e\nfalse\necho x");
    assertThat(Scripts.staged(request.payload(), Document.POWERSHELL))
        .isEqualTo("#!/bin/bash\nfalse\necho x");
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
