package dev.ssmrun.internal.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What CloudWatch has shown of one instance's stdout or stderr, and how much of it was delivered.
 * Only whole lines are delivered live: the agent ships complete lines while the script runs, and
 * once an event ends without a newline (a 200,000-byte piece of a long line, or the agent's last
 * uploads, which each lose their trailing newline) nothing more is delivered from CloudWatch: the
 * rest comes from the final output.
 */
final class StreamBuffer {
  /** The agent cuts a line longer than this into pieces of this many bytes. */
  private static final int MAX_EVENT_BYTES = 200_000;

  private final List<LogsGateway.Event> events = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private int delivered;
  private boolean live = true;
  private boolean finished;

  /** Adds an event; returns the text that became deliverable, possibly empty. */
  String add(LogsGateway.Event event) {
    events.add(event);
    text.append(event.message());
    if (!live || finished) {
      return "";
    }
    if (!event.message().endsWith("\n")) {
      live = false;
      return "";
    }
    return take(text.length());
  }

  /** The text delivered so far. */
  String delivered() {
    return text.substring(0, delivered);
  }

  /** Marks everything up to {@code end} of {@code source} as delivered; returns the new part. */
  private String take(int end) {
    String fresh = text.substring(delivered, end);
    delivered = end;
    return fresh;
  }

  /**
   * The stream as CloudWatch has it, for when SSM kept only a truncated copy: events that end
   * without a newline get it back (the agent strips one from each of its last uploads), except
   * the 200,000-byte pieces of a longer line.
   */
  String reconstructed() {
    StringBuilder s = new StringBuilder();
    for (LogsGateway.Event e : events) {
      s.append(e.message());
      boolean piece = e.message().getBytes(StandardCharsets.UTF_8).length >= MAX_EVENT_BYTES;
      if (!e.message().endsWith("\n") && !piece) {
        s.append('\n');
      }
    }
    return s.toString();
  }

  boolean isFinished() {
    return finished;
  }

  void finish() {
    finished = true;
  }
}
