package dev.ssmrun.internal.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Takes one stream's bytes in order: keeps the first {@code limit} of them, passes all of them to
 * the sink (if any), and, once the stream passes the limit, the last {@code limit} bytes too, so
 * that the last non-empty line is known without the stream ever sitting in memory. Not
 * thread-safe.
 */
final class Capture {
  private final int limit;
  private final OutputStream sink;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private byte[] tail; // A ring of the last limit bytes, from when the stream passes the limit.
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
    size += keep;
    if (keep < length) {
      if (tail == null) {
        tail = new byte[limit];
        System.arraycopy(head.toByteArray(), 0, tail, 0, (int) size);
      }
      ring(bytes, offset + keep, length - keep);
    }
  }

  private void ring(byte[] bytes, int offset, int length) {
    int skip = Math.max(0, length - limit); // only the last limit bytes can matter
    size += skip;
    for (int from = offset + skip, left = length - skip; left > 0; ) {
      int at = (int) (size % limit);
      int n = Math.min(left, limit - at);
      System.arraycopy(bytes, from, tail, at, n);
      size += n;
      from += n;
      left -= n;
    }
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
   * The last non-empty line (without its line end), or null if there is none or it does not fit
   * in the last {@code limit} bytes.
   */
  byte[] lastLine() {
    byte[] end = end();
    int stop = end.length;
    while (stop > 0) {
      int start = stop;
      while (start > 0 && end[start - 1] != '\n') {
        start--;
      }
      if (start == 0 && truncated()) {
        return null; // The line may have begun before the bytes kept.
      }
      int length = stop - start;
      if (length > 0 && end[stop - 1] == '\r') {
        length--;
      }
      if (!blank(end, start, length)) {
        return Arrays.copyOfRange(end, start, start + length);
      }
      stop = start - 1;
    }
    return null;
  }

  /** The last {@code min(size, limit)} bytes, in order. */
  private byte[] end() {
    if (tail == null) {
      return head.toByteArray();
    }
    int at = (int) (size % limit);
    byte[] end = new byte[limit];
    System.arraycopy(tail, at, end, 0, limit - at);
    System.arraycopy(tail, 0, end, limit - at, at);
    return end;
  }

  private static boolean blank(byte[] bytes, int from, int length) {
    for (int i = from; i < from + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) {
        return false;
      }
    }
    return true;
  }
}
