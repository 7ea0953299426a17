package dev.ssmrun;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the whole streams of each instance go, byte for byte, without being held in memory:
 * stdout and stderr (from S3 when SSM truncated them, else SSM's inline copy) and the script
 * result. Set it with {@link RunRequest.Builder#outputSink}; {@link InvocationResult} keeps only
 * the first {@code maxOutputBytes} of each (a runner setting). ssmrun closes each stream it
 * opened. Called from ssmrun's transfer threads, for several instances at once.
 *
 * <pre>{@code
 * RunRequest.builder()
 *     .script("make build-logs")
 *     .addInstanceId(id)
 *     .outputSink(OutputSink.files(Path.of("logs")))   // logs/<instance-id>.stdout, ...
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface OutputSink {
  /** The streams an instance has. */
  enum Stream {
    /** Standard output. */
    STDOUT,
    /** Standard error. */
    STDERR,
    /** The script result ({@code $SSMRUN_RESULT}), when the run collects results. */
    RESULT
  }

  /**
   * Opens where {@code stream} of {@code instanceId} goes, or returns null to skip it. An
   * exception fails the run ({@link RunFailedException}).
   */
  OutputStream open(String instanceId, Stream stream) throws IOException;

  /**
   * Writes {@code <dir>/<instance-id>.stdout}, {@code .stderr} and {@code .result} (only the
   * streams an instance has), creating {@code dir} if needed and replacing existing files.
   */
  static OutputSink files(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    return (instanceId, stream) -> {
      Files.createDirectories(dir);
      return Files.newOutputStream(
          dir.resolve(instanceId + "." + stream.name().toLowerCase(java.util.Locale.ROOT)));
    };
  }

  /** Writes each instance's result to {@code <dir>/<instance-id>}; stdout and stderr are skipped. */
  static OutputSink resultFiles(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    return (instanceId, stream) -> {
      if (stream != Stream.RESULT) {
        return null;
      }
      Files.createDirectories(dir);
      return Files.newOutputStream(dir.resolve(instanceId));
    };
  }
}
