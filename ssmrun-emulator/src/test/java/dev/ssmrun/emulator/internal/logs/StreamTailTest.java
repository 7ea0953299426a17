package dev.ssmrun.emulator.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The agent's batching of an output file into events, as pure functions. */
class StreamTailTest {
  @Test
  void running_completeLinesOnly_partialLineWaits() {
    StreamTail.Batch batch = StreamTail.batch(bytes("one\ntwo\nthr"), false);

    assertThat(batch.messages()).containsExactly("one\ntwo\n");
    assertThat(batch.consumed()).isEqualTo(8);
  }

  @Test
  void running_noCompleteLine_nothing() {
    StreamTail.Batch batch = StreamTail.batch(bytes("no newline yet"), false);

    assertThat(batch.messages()).isEmpty();
    assertThat(batch.consumed()).isZero();
  }

  @Test
  void complete_restIncluded_oneTrailingNewlineDropped_crlfToLf() {
    assertThat(StreamTail.batch(bytes("a\r\nb\n"), true).messages()).containsExactly("a\nb");
    assertThat(StreamTail.batch(bytes("a\nlast"), true).messages()).containsExactly("a\nlast");
  }

  @Test
  void linesPackedUpTo200000Bytes_atMostFourEventsPerUpload() {
    String line = "x".repeat(99_999) + "\n"; // 100,000 bytes: two fit in one event
    byte[] data = bytes(line.repeat(11));

    StreamTail.Batch batch = StreamTail.batch(data, false);

    assertThat(batch.messages()).hasSize(4).allMatch(m -> m.length() == 200_000);
    assertThat(batch.consumed()).isEqualTo(800_000);
  }

  @Test
  void lineLongerThan200000_shippedInPiecesBeforeItsNewline() {
    byte[] data = bytes("y".repeat(450_000));

    StreamTail.Batch batch = StreamTail.batch(data, false);

    assertThat(batch.messages()).hasSize(2).allMatch(m -> m.length() == 200_000);
    assertThat(batch.consumed()).isEqualTo(400_000);
  }

  @Test
  void newlineOnlyEvent_notSent() {
    assertThat(StreamTail.batch(bytes("\n"), true).messages()).isEmpty();
    assertThat(StreamTail.batch(bytes("\n"), true).consumed()).isEqualTo(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
