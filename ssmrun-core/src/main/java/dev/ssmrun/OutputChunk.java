package dev.ssmrun;

import java.util.Objects;

/**
 * A piece of one instance's live output: whole lines of stdout or stderr, in order per stream.
 * For each stream, the chunks a listener receives concatenate to the invocation's final output
 * (see {@link RunRequest.Builder#followOutput(boolean)} for the fine print). This class is
 * immutable and thread-safe; {@link #toString()} never shows the text.
 */
public final class OutputChunk {
  /** Which output stream a chunk belongs to. */
  public enum Stream {
    /** Standard output. */
    STDOUT,
    /** Standard error. */
    STDERR
  }

  private final String commandId;
  private final String instanceId;
  private final Stream stream;
  private final String text;

  /** A chunk of {@code stream} of {@code instanceId}'s invocation of {@code commandId}. */
  public OutputChunk(String commandId, String instanceId, Stream stream, String text) {
    this.commandId = Objects.requireNonNull(commandId, "commandId == null");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId == null");
    this.stream = Objects.requireNonNull(stream, "stream == null");
    this.text = Objects.requireNonNull(text, "text == null");
  }

  /** The SSM command id. */
  public String commandId() {
    return commandId;
  }

  /** The instance, e.g. {@code "i-0123456789abcdef0"}. */
  public String instanceId() {
    return instanceId;
  }

  /** Standard output or standard error. */
  public Stream stream() {
    return stream;
  }

  /** The text: whole lines, except possibly the very end of the stream. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputChunk other
        && commandId.equals(other.commandId)
        && instanceId.equals(other.instanceId)
        && stream == other.stream
        && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commandId, instanceId, stream, text);
  }

  /** Ids, stream and length only: output may hold secrets. */
  @Override
  public String toString() {
    return "OutputChunk{instanceId="
        + instanceId
        + ", stream="
        + stream
        + ", length="
        + text.length()
        + "}";
  }
}
