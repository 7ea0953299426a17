package dev.ssmrun;

import dev.ssmrun.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a script returned on one instance: the file it wrote at {@code $SSMRUN_RESULT} (uploaded
 * by ssmrun's bootstrap through a presigned URL), or, as a fallback for scripts that print their
 * result, the last non-empty line of its whole standard output. This class is immutable and
 * thread-safe; {@link #toString()} never shows the data.
 */
public final class ScriptResult {
  /** Where a result comes from. */
  public enum Source {
    /** The file the script wrote at {@code $SSMRUN_RESULT}. */
    FILE,
    /** The last non-empty line of the script's whole standard output. */
    LAST_STDOUT_LINE
  }

  private final byte[] bytes;
  private final long size;
  private final Source source;

  private ScriptResult(byte[] bytes, long size, Source source) {
    this.bytes = bytes;
    this.size = size;
    this.source = source;
  }

  /**
   * A result of {@code size} bytes of which {@code bytes} are held (fewer if it passed the
   * runner's {@code maxOutputBytes}); mostly for the engine and for tests.
   *
   * @throws IllegalArgumentException if {@code size} is smaller than {@code bytes.length}.
   */
  public static ScriptResult of(byte[] bytes, long size, Source source) {
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(source, "source == null");
    if (size < bytes.length) {
      throw new IllegalArgumentException("size " + size + " < " + bytes.length + " bytes held");
    }
    return new ScriptResult(bytes.clone(), size, source);
  }

  /** The result's bytes (a copy), exactly as written; only the first ones if {@link #truncated}. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The result read as JSON into {@code type} with Jackson's default {@code ObjectMapper}
   * (Jackson must be on the class path). For generic types, read {@link #bytes()} with your own
   * mapper.
   *
   * @throws IllegalStateException if the result is {@link #truncated}.
   * @throws IllegalArgumentException if it is not JSON of that type.
   * @throws InvalidRequestException if Jackson is missing.
   */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    if (truncated()) {
      throw new IllegalStateException(
          "the result has "
              + size
              + " bytes, more than the runner keeps in memory (maxOutputBytes): read it from the"
              + " request's outputSink instead");
    }
    return Json.read(bytes, type);
  }

  /** The result's whole size in bytes. */
  public long size() {
    return size;
  }

  /** True if {@link #bytes()} holds only the start of the result. */
  public boolean truncated() {
    return size > bytes.length;
  }

  /** Where the result comes from. */
  public Source source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScriptResult other
        && Arrays.equals(bytes, other.bytes)
        && size == other.size
        && source == other.source;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), size, source);
  }

  @Override
  public String toString() {
    return "ScriptResult{" + source + ", " + size + " bytes}";
  }
}
