package dev.ssmrun.cli.print;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer on a byte stream that also lets {@link CliOutput} write bytes as they are: an
 * instance's output read from S3 reaches standard output byte for byte, even where it is not
 * UTF-8.
 */
public final class ByteWriter extends PrintWriter {
  private final OutputStream stream;

  private ByteWriter(OutputStream stream) {
    super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    this.stream = stream;
  }

  /** A writer on {@code stream} (e.g. {@code System.out}). */
  public static ByteWriter on(OutputStream stream) {
    return new ByteWriter(stream);
  }

  /** Writes {@code bytes} unchanged, after what was printed before. */
  void writeBytes(byte[] bytes) {
    flush();
    try {
      stream.write(bytes);
      stream.flush();
    } catch (java.io.IOException e) {
      setError();
    }
  }
}
