package dev.ssmrun.internal.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Takes one stream's bytes in order: keeps the first {@code limit} of them, passes all of them to
 * the sink (if any), and remembers the last non-empty line (if it fits in {@code limit}), so that
 * a huge stream never sits in memory. Not thread-safe.
 */
final class Capture {
  private final int limit;
  private final OutputStream sink;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private byte[] lastLine = new byte[0];
  private boolean lineTooLong;
  private boolean lastTooLong;
  private long size;

  Capture(int limit, OutputStream sink) {
    this.limit = limit;
    this.sink = sink;
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    if (sink != null) {
      sink.write(bytes, offset, length);
    }
    int keep = (int) Math.max(0, Math.min(length, limit - size));
    head.write(bytes, offset, keep);
    size += length;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        endLine();
      } else if (line.size() < limit) {
        line.write(bytes[i]);
      } else {
        lineTooLong = true;
      }
    }
  }

  private void endLine() {
    if (lineTooLong || !line.toString(java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      lastLine = line.toByteArray();
      lastTooLong = lineTooLong;
    }
    line.reset();
    lineTooLong = false;
  }

  /** The bytes kept: the first {@code limit}. */
  byte[] head() {
    return head.toByteArray();
  }

  /** How many bytes went through. */
  long size() {
    return size;
  }

  /** True if more went through than was kept. */
  boolean truncated() {
    return size > limit;
  }

  /**
   * The last non-empty line (without its line end), or null if there is none or it was longer
   * than the limit.
   */
  byte[] lastLine() {
    if (line.size() > 0 || lineTooLong) {
      endLine();
    }
    if (lastTooLong || lastLine.length == 0) {
      return null;
    }
    int length = lastLine.length;
    if (lastLine[length - 1] == '\r') {
      length--;
    }
    return java.util.Arrays.copyOf(lastLine, length);
  }
}
