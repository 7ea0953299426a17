package dev.ssmrun.emulator.internal.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The agent's output limits, measured in bytes as Go's {@code len} does. Pure functions. */
public final class Truncation {
  static final int MAX_STDOUT = 24_000;
  static final int MAX_STDERR = 8_000;
  public static final int MAX_PLUGIN_OUTPUT = 2_500;
  static final String SUFFIX = "--output truncated--";
  private static final String ERROR_TITLE = "\n----------ERROR-------\n";
  private static final String TRUNCATE_OUT = "\n---Output truncated---";
  private static final String TRUNCATE_ERROR = "\n---Error truncated----";

  private Truncation() {}

  /**
   * The inline content for a stream: all of it if it fits in {@code limit} bytes, else the first
   * {@code limit - 20} bytes followed by {@code --output truncated--}.
   */
  static String content(byte[] stream, int limit) {
    if (stream.length <= limit) {
      return utf8(stream);
    }
    byte[] head = Arrays.copyOf(stream, limit - SUFFIX.length());
    return utf8(head) + SUFFIX;
  }

  /**
   * The 2,500-byte plugin {@code Output} of ListCommandInvocations: stdout, then stderr after an
   * {@code ERROR} title, each cut with its own marker when they do not fit (agent {@code
   * iohandler.TruncateOutput}).
   */
  public static String pluginOutput(String stdout, String stderr, int capacity) {
    byte[] out = stdout.getBytes(StandardCharsets.UTF_8);
    byte[] err = stderr.getBytes(StandardCharsets.UTF_8);
    String title = err.length > 0 ? ERROR_TITLE : "";
    int available = capacity - title.length();
    if (out.length + err.length < available) {
      return stdout + title + stderr;
    }
    if (out.length > available / 2 && err.length > available / 2) {
      int size = (available - TRUNCATE_ERROR.length() - TRUNCATE_OUT.length()) / 2;
      return head(out, size) + TRUNCATE_OUT + title + head(err, size) + TRUNCATE_ERROR;
    }
    if (out.length < available / 2) {
      int size = available - TRUNCATE_ERROR.length() - out.length;
      return stdout + title + head(err, size) + TRUNCATE_ERROR;
    }
    int size = available - TRUNCATE_OUT.length() - err.length;
    return head(out, size) + TRUNCATE_OUT + title + stderr;
  }

  private static String head(byte[] bytes, int size) {
    return utf8(Arrays.copyOf(bytes, Math.max(0, Math.min(size, bytes.length))));
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
