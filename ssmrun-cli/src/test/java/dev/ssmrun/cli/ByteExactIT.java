package dev.ssmrun.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Bytes that are not UTF-8 reach the terminal as the script wrote them: SSM's API turns them into
 * U+FFFD, so ssmrun reads them from S3 (with {@code --local}, from its staging bucket) and the CLI
 * writes them unchanged.
 */
@Execution(ExecutionMode.CONCURRENT) // each run has its own emulator
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
  void text_local_prefixedLines_keepTheBytes() {
    EmulatorServices services = new EmulatorServices(1);
    try {
      CliRun.Bytes result = CliRun.bytes(services, "run", "--local", "--", SCRIPT);

      String id = services.emulator.instanceIds().get(0);
      assertThat(result.exitCode()).as(new String(result.err(), UTF_8)).isZero();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.writeBytes((id + ": ").getBytes(UTF_8));
      expected.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe});
      expected.write('\n');
      assertThat(result.out()).isEqualTo(expected.toByteArray());
    } finally {
      services.emulator.close();
    }
  }
}
