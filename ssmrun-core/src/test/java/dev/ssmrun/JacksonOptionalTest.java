package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Jackson is optional for ssmrun-core: in a JVM without jackson-databind, bytes in and out work,
 * and JSON says what to add.
 */
class JacksonOptionalTest {
  @Test
  void withoutJackson_bytesWorkAndJsonSaysWhatToAdd() throws Exception {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("jackson-databind"))
            .collect(Collectors.joining(File.pathSeparator));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                WithoutJackson.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out)
        .contains("bytes: 3")
        .contains("result: {}")
        .contains("input needs Jackson for JSON: add com.fasterxml.jackson.core:jackson-databind")
        .contains("result needs Jackson for JSON");
  }

  /** Runs in the JVM without Jackson. */
  static final class WithoutJackson {
    public static void main(String[] args) {
      ScriptInput input = ScriptInput.of(new byte[] {1, 2, 3});
      System.out.println("bytes: " + input.bytes().orElseThrow().length);
      ScriptResult result = ScriptResult.of(new byte[] {'{', '}'}, 2, ScriptResult.Source.FILE);
      System.out.println("result: " + result.text());
      try {
        ScriptInput.ofJson(java.util.Map.of());
      } catch (InvalidRequestException e) {
        System.out.println(e.getMessage());
      }
      try {
        result.as(Object.class);
      } catch (InvalidRequestException e) {
        System.out.println(e.getMessage());
      }
    }
  }
}
