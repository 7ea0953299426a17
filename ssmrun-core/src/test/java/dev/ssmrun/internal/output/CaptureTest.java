package dev.ssmrun.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptureTest {
  @Test
  void write_moreThanTheLimit_keepsTheHeadSinksAllAndRemembersTheLastLine() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Capture capture = new Capture(20, sink);
    byte[] all = "0123456789abcdefghijklmn\n{\"ok\":1}\r\n\n  \n".getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < all.length; i += 3) { // in odd chunks, as ranges arrive
      capture.write(all, i, Math.min(3, all.length - i));
    }

    assertThat(capture.head()).isEqualTo("0123456789abcdefghij".getBytes(StandardCharsets.UTF_8));
    assertThat(capture.size()).isEqualTo(all.length);
    assertThat(capture.truncated()).isTrue();
    assertThat(sink.toByteArray()).isEqualTo(all);
    assertThat(new String(capture.lastLine(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
  }

  @Test
  void lastLine_withoutFinalNewline_orNotWithinTheLastLimitBytes_orNone() throws Exception {
    Capture noNewline = new Capture(100, null);
    write(noNewline, "a\nlast");
    Capture tooLong = new Capture(4, null);
    write(tooLong, "a\nlonger than four");
    Capture trailing = new Capture(8, null);
    write(trailing, "head\nok\n\n\n"); // the line and the newline before it are in the last 8
    Capture blank = new Capture(100, null);
    write(blank, "\n \n");

    assertThat(noNewline.lastLine()).isEqualTo("last".getBytes(StandardCharsets.UTF_8));
    assertThat(tooLong.lastLine()).isNull();
    assertThat(trailing.lastLine()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    assertThat(blank.lastLine()).isNull();
  }

  private static void write(Capture capture, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    capture.write(bytes, 0, bytes.length);
  }
}
