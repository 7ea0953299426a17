package dev.ssmrun.cli.print;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Everything a command prints goes through here, so that the live status line (standard error, on
 * a terminal only) is erased before any other text and drawn again after it. Thread-safe.
 */
public final class CliOutput {
  private static final String ERASE_LINE = "\r\033[K";

  private final PrintWriter out;
  private final PrintWriter err;
  private boolean statusLine;
  private final Style outStyle;
  private final Style errStyle;
  private String status;

  /** {@code statusLine}: standard error is a terminal and the command wants a live line. */
  CliOutput(PrintWriter out, PrintWriter err, boolean statusLine, Style outStyle, Style errStyle) {
    this.out = out;
    this.err = err;
    this.statusLine = statusLine;
    this.outStyle = outStyle;
    this.errStyle = errStyle;
  }

  Style outStyle() {
    return outStyle;
  }

  Style errStyle() {
    return errStyle;
  }

  /** Writes {@code text} as is to standard output. */
  public synchronized void out(String text) {
    eraseStatus();
    out.print(text);
    out.flush();
    drawStatus();
  }

  /** Writes {@code text} as is to standard error. */
  public synchronized void err(String text) {
    eraseStatus();
    err.print(text);
    err.flush();
    drawStatus();
  }

  /**
   * Writes {@code bytes} unchanged to standard output (decoded as UTF-8 where standard output is
   * not a {@link ByteWriter}, as in tests).
   */
  public synchronized void out(byte[] bytes) {
    eraseStatus();
    write(out, bytes);
    drawStatus();
  }

  /** Writes {@code bytes} unchanged to standard error, as {@link #out(byte[])}. */
  public synchronized void err(byte[] bytes) {
    eraseStatus();
    write(err, bytes);
    drawStatus();
  }

  private static void write(PrintWriter writer, byte[] bytes) {
    if (writer instanceof ByteWriter raw) {
      raw.writeBytes(bytes);
    } else {
      writer.print(new String(bytes, StandardCharsets.UTF_8));
      writer.flush();
    }
  }

  /** Writes one line to standard error. */
  public void errLine(String line) {
    err(line + "\n");
  }

  /** Shows {@code line} as the live status line; ignored unless the status line is on. */
  public synchronized void status(String line) {
    if (!statusLine) {
      return;
    }
    eraseStatus();
    status = line;
    drawStatus();
  }

  /** Removes the status line (before the summary); a later {@link #status} draws it again. */
  public synchronized void clearStatus() {
    eraseStatus();
    status = null;
  }

  /** Removes the status line for good: the process is about to end (Ctrl-C). */
  public synchronized void stopStatus() {
    clearStatus();
    statusLine = false;
  }

  private void eraseStatus() {
    if (status != null) {
      err.print(ERASE_LINE);
      err.flush();
    }
  }

  private void drawStatus() {
    if (status != null) {
      err.print(status);
      err.flush();
    }
  }
}
