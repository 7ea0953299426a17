package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Bytes that are not UTF-8 reach the terminal as the script wrote them: SSM's API turns them into
 * U+FFFD, so ssmrun reads them from S3 (with {@code --local}, from its staging bucket) and the CLI
 * writes them unchanged.
 */
@Execution(ExecutionMode.CONCURRENT) // each run has its own JVM and emulator
class ByteExactIT {
  private static final String SCRIPT = "printf 'caf\\351 \\377\\376\\n'; printf '\\200' >&2";

  @Test
  void quiet_local_oneInstance_writesTheScriptsBytes() throws Exception {
    PackagedCli.Result result =
        PackagedCli.run(
            PackagedCli.processBuilder(
                List.of(), "run", "--local", "--local-instances", "1", "-q", "--", SCRIPT));

    assertThat(result.exitCode()).as(result.errText()).isZero();
    assertThat(result.out())
        .isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(result.err()).isEqualTo(new byte[] {(byte) 0x80});
  }

  @Test
  void text_local_prefixedLines_keepTheBytes() throws Exception {
    PackagedCli.Result result =
        PackagedCli.run(
            PackagedCli.processBuilder(
                List.of(), "run", "--local", "--local-instances", "1", "--", SCRIPT));

    assertThat(result.exitCode()).as(result.errText()).isZero();
    byte[] out = result.out();
    byte[] tail = {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe, '\n'};
    assertThat(out).endsWith(tail);
    assertThat(
            new String(out, 0, out.length - tail.length, java.nio.charset.StandardCharsets.UTF_8))
        .matches("i-[0-9a-f]{17}: ");
  }
}
