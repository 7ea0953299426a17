package dev.ssmrun.emulator.internal.logs;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * One stored event: its time, when it was ingested, a sequence number unique in the store, the
 * stream it belongs to and its message. Events sort by time, then by arrival.
 */
public record LogEvent(
    long timestamp, long ingestionTime, long sequence, String stream, String message) {
  /** Time first, then arrival: the order GetLogEvents and FilterLogEvents return events in. */
  public static final Comparator<LogEvent> ORDER =
      Comparator.comparingLong(LogEvent::timestamp).thenComparingLong(LogEvent::sequence);

  /** The event's place in that order. */
  public Position position() {
    return new Position(timestamp, sequence);
  }

  /** Bytes the service counts for the event: the UTF-8 message plus 26. */
  public int size() {
    return message.getBytes(StandardCharsets.UTF_8).length + 26;
  }

  /** A 56-digit id, as the service's event ids look; unique in the store. */
  public String eventId() {
    return String.format("%020d%036d", timestamp, sequence);
  }

  /**
   * A point between events: events sort after it if their time is later, or equal with a higher
   * sequence number. {@link #START} lies before every event.
   */
  public record Position(long timestamp, long sequence) implements Comparable<Position> {
    /** Before every event. */
    public static final Position START = new Position(0, 0);

    /** The point right before this one's event: it still sorts after the result. */
    public Position previous() {
      return new Position(timestamp, sequence - 1);
    }

    /** The point right after this one's event. */
    public Position next() {
      return new Position(timestamp, sequence + 1);
    }

    @Override
    public int compareTo(Position o) {
      int byTime = Long.compare(timestamp, o.timestamp);
      return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
  }
}
