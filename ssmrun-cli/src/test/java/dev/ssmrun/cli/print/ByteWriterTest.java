package dev.ssmrun.cli.print;

import static dev.ssmrun.cli.TestResults.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.InvocationResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output read from S3 reaches standard output and standard error byte for byte. */
class ByteWriterTest {
  private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 'a', '\n', (byte) 0xc3, 'b'};

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Style style = Style.of(false, false, Map.of());
  private final CliOutput output =
      new CliOutput(ByteWriter.on(out), ByteWriter.on(err), false, style, style);

  private static InvocationResult withBytes() {
    return invocation("i-a", 0, "", "").toBuilder()
        .stdoutBytes(NOT_UTF8)
        .stderrBytes(new byte[] {(byte) 0x80, '\n'})
        .build();
  }

  @Test
  void quiet_writesTheInstancesBytesUnchanged() {
    new QuietRunPrinter(output, false).invocation(withBytes());

    assertThat(out.toByteArray()).isEqualTo(NOT_UTF8);
    assertThat(err.toByteArray()).isEqualTo(new byte[] {(byte) 0x80, '\n'});
  }

  @Test
  void text_prefixesEveryLine_keepingTheBytesBetween() {
    new TextRunPrinter(output, false).invocation(withBytes());

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes("i-a: ".getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'});
    expected.writeBytes("i-a: ".getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {(byte) 0xc3, 'b', '\n'});
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(new String(err.toByteArray(), StandardCharsets.ISO_8859_1))
        .isEqualTo("ssmrun: i-a Success exit=0\ni-a: \u0080\n");
  }

  @Test
  void textAndBytes_keepTheirOrder() {
    output.out("before\n");
    output.out(new byte[] {(byte) 0xff, '\n'});
    output.out("after\n");

    assertThat(out.toByteArray())
        .isEqualTo(
            new byte[] {
              'b', 'e', 'f', 'o', 'r', 'e', '\n', (byte) 0xff, '\n', 'a', 'f', 't', 'e', 'r', '\n'
            });
  }
}
