package dev.ssmrun;

import dev.ssmrun.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Data for a script: ssmrun stages it in S3 and the script finds it at the path in {@code
 * $SSMRUN_INPUT} (the instance downloads it through a presigned URL and checks its SHA-256). This
 * class is immutable and thread-safe; {@link #toString()} never shows the data.
 *
 * <pre>{@code
 * RunRequest.builder()
 *     .script(Files.readString(Path.of("job.py")))
 *     .input(ScriptInput.ofJson(Map.of("items", List.of(1, 2, 3))))
 *     ...
 * }</pre>
 */
public final class ScriptInput {
  private final byte[] bytes;
  private final Path file;

  private ScriptInput(byte[] bytes, Path file) {
    this.bytes = bytes;
    this.file = file;
  }

  /** {@code bytes} as they are (copied). */
  public static ScriptInput of(byte[] bytes) {
    return new ScriptInput(Objects.requireNonNull(bytes, "bytes == null").clone(), null);
  }

  /**
   * The content of {@code file}, read when the run starts (streamed to S3, not held in memory).
   *
   * @throws InvalidRequestException if {@code file} is not a readable regular file.
   */
  public static ScriptInput ofFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidRequestException(
          "input", "file " + file + " is not a readable regular file: give an existing file");
    }
    return new ScriptInput(null, file);
  }

  /**
   * {@code value} serialised as JSON with Jackson's default {@code ObjectMapper}; Jackson ({@code
   * com.fasterxml.jackson.core:jackson-databind}) must be on the class path.
   *
   * @throws InvalidRequestException if Jackson is missing or cannot serialise {@code value}.
   */
  public static ScriptInput ofJson(Object value) {
    return new ScriptInput(Json.write("input", value), null);
  }

  /** The data, for inputs made from bytes or JSON; empty for a file. */
  public Optional<byte[]> bytes() {
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  /** The file, for inputs made with {@link #ofFile}. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScriptInput other
        && Arrays.equals(bytes, other.bytes)
        && Objects.equals(file, other.file);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Objects.hashCode(file);
  }

  @Override
  public String toString() {
    return file != null
        ? "ScriptInput{file=" + file + "}"
        : "ScriptInput{" + bytes.length + " bytes}";
  }
}
