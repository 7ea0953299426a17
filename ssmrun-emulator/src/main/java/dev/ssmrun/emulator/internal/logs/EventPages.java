package dev.ssmrun.emulator.internal.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetLogEvents paging over one stream's events: pages forward from a position or backward to one,
 * within a time range, bounded by a count and by the service's 1 MB. Pure functions.
 */
public final class EventPages {
  /** The most bytes a page holds (events count their message plus 26 bytes). */
  public static final int MAX_PAGE_BYTES = 1_048_576;

  private static final LogEvent.Position END =
      new LogEvent.Position(Long.MAX_VALUE / 10, Long.MAX_VALUE / 10);

  private EventPages() {}

  /**
   * One page and where the next pages start: forward reads events after {@code forward},
   * backward reads events before {@code backward}.
   */
  public record Page(
      List<LogEvent> events, LogEvent.Position forward, LogEvent.Position backward) {}

  /** A time range: {@code start} included, {@code end} excluded. */
  public record Range(long start, long end) {
    /** Every time. */
    public static final Range ALL = new Range(0, Long.MAX_VALUE);

    boolean contains(long timestamp) {
      return timestamp >= start && timestamp < end;
    }
  }

  /** The first events after {@code after}; at the end, an empty page whose forward repeats. */
  public static Page forward(
      List<LogEvent> events, LogEvent.Position after, Range range, int limit) {
    List<LogEvent> out = new ArrayList<>();
    int bytes = 0;
    for (int i = LogStore.firstAfter(events, after); i < events.size(); i++) {
      LogEvent event = events.get(i);
      if (event.timestamp() >= range.end() || out.size() >= limit || full(out, bytes, event)) {
        break;
      }
      if (range.contains(event.timestamp())) {
        out.add(event);
        bytes += event.size();
      }
    }
    if (out.isEmpty()) {
      return new Page(out, after, after.next());
    }
    return new Page(out, last(out).position(), out.get(0).position());
  }

  /** The last events before {@code before}; at the start, an empty page whose backward repeats. */
  public static Page backward(
      List<LogEvent> events, LogEvent.Position before, Range range, int limit) {
    List<LogEvent> out = new ArrayList<>();
    int bytes = 0;
    for (int i = LogStore.firstAfter(events, before.previous()) - 1; i >= 0; i--) {
      LogEvent event = events.get(i);
      if (event.timestamp() < range.start() || out.size() >= limit || full(out, bytes, event)) {
        break;
      }
      if (range.contains(event.timestamp())) {
        out.add(event);
        bytes += event.size();
      }
    }
    Collections.reverse(out);
    if (out.isEmpty()) {
      return new Page(out, before.previous(), before);
    }
    return new Page(out, last(out).position(), out.get(0).position());
  }

  /** The newest events (GetLogEvents without a token or startFromHead). */
  public static Page tail(List<LogEvent> events, Range range, int limit) {
    Page page = backward(events, END, range, limit);
    if (page.events().isEmpty()) {
      return new Page(page.events(), LogEvent.Position.START, LogEvent.Position.START.next());
    }
    return page;
  }

  private static boolean full(List<LogEvent> out, int bytes, LogEvent next) {
    return !out.isEmpty() && bytes + next.size() > MAX_PAGE_BYTES;
  }

  private static LogEvent last(List<LogEvent> events) {
    return events.get(events.size() - 1);
  }
}
