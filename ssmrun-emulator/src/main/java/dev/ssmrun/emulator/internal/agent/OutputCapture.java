package dev.ssmrun.emulator.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Copies one output pipe of a script into its file in the orchestration folder as the bytes
 * arrive (so the file can be read while the script runs), until every writer has closed the pipe.
 * {@link #detach()} stops the copy into the file, as the agent detaches its writers at an
 * execution timeout or cancel: what arrives later is drained and lost.
 */
final class OutputCapture implements Runnable {
  private final InputStream pipe;
  private final Path file;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile boolean detached;

  OutputCapture(InputStream pipe, Path file) {
    this.pipe = pipe;
    this.file = file;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (InputStream in = pipe;
        OutputStream out = Files.newOutputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (!detached) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The pipe or the file went away (emulator closing): the capture ends here.
    } finally {
      closed.complete(null);
    }
  }

  /** From now on, output is read and dropped. */
  void detach() {
    detached = true;
  }

  /** Completes once every writer closed the pipe (or the copy failed). */
  CompletableFuture<Void> closed() {
    return closed;
  }
}
