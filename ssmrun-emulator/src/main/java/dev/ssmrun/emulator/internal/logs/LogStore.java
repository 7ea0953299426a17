package dev.ssmrun.emulator.internal.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Log groups, their streams and the streams' events, in memory. Groups and streams are kept in
 * name order, events in {@link LogEvent#ORDER}. Thread-safe: one lock, held only for memory work.
 */
public final class LogStore {
  private final Map<String, Group> groups = new TreeMap<>();
  private long sequence;

  /** What a group or stream lookup found missing. */
  public static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean group;

    NotFound(boolean group) {
      super(group ? "log group" : "log stream", null, false, false);
      this.group = group;
    }

    /** True if the group is missing, false if only the stream is. */
    public boolean group() {
      return group;
    }
  }

  /** A group as DescribeLogGroups lists it. */
  public record GroupInfo(String name, long creationTime, long storedBytes) {}

  /** A stream as DescribeLogStreams lists it; the event times are null while it is empty. */
  public record StreamInfo(
      String name,
      long creationTime,
      Long firstEventTimestamp,
      Long lastEventTimestamp,
      Long lastIngestionTime,
      long storedBytes) {}

  /** An event to store: its time and message. */
  public record Draft(long timestamp, String message) {}

  private static final class Group {
    final long creationTime;
    final Map<String, Stream> streams = new TreeMap<>();

    Group(long creationTime) {
      this.creationTime = creationTime;
    }
  }

  private static final class Stream {
    final long creationTime;
    final List<LogEvent> events = new ArrayList<>();
    long storedBytes;
    long lastIngestionTime;

    Stream(long creationTime) {
      this.creationTime = creationTime;
    }
  }

  /** Creates a group; false if one of that name exists. */
  public synchronized boolean createGroup(String name, long now) {
    return groups.putIfAbsent(name, new Group(now)) == null;
  }

  /** Deletes a group with its streams; false if there is none of that name. */
  public synchronized boolean deleteGroup(String name) {
    return groups.remove(name) != null;
  }

  /** True if the group exists. */
  public synchronized boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  /**
   * Creates a stream; false if it exists.
   *
   * @throws NotFound if the group does not exist
   */
  public synchronized boolean createStream(String group, String stream, long now) {
    return group(group).streams.putIfAbsent(stream, new Stream(now)) == null;
  }

  /**
   * Deletes a stream.
   *
   * @throws NotFound if the group or the stream does not exist
   */
  public synchronized void deleteStream(String group, String stream) {
    if (group(group).streams.remove(stream) == null) {
      throw new NotFound(false);
    }
  }

  /**
   * Appends events (already in time order) to a stream, ingested at {@code now}.
   *
   * @throws NotFound if the group or the stream does not exist
   */
  public synchronized void put(String group, String stream, List<Draft> drafts, long now) {
    Stream target = stream(group, stream);
    for (Draft d : drafts) {
      LogEvent event = new LogEvent(d.timestamp(), now, ++sequence, stream, d.message());
      int at = Collections.binarySearch(target.events, event, LogEvent.ORDER);
      target.events.add(at < 0 ? -at - 1 : at, event);
      target.storedBytes += event.size();
    }
    target.lastIngestionTime = now;
  }

  /** Every group, in name order. */
  public synchronized List<GroupInfo> groups() {
    List<GroupInfo> out = new ArrayList<>();
    groups.forEach(
        (name, g) -> {
          long bytes = g.streams.values().stream().mapToLong(s -> s.storedBytes).sum();
          out.add(new GroupInfo(name, g.creationTime, bytes));
        });
    return out;
  }

  /**
   * The streams of a group, in name order.
   *
   * @throws NotFound if the group does not exist
   */
  public synchronized List<StreamInfo> streams(String group) {
    List<StreamInfo> out = new ArrayList<>();
    group(group).streams.forEach((name, s) -> out.add(info(name, s)));
    return out;
  }

  private static StreamInfo info(String name, Stream s) {
    boolean empty = s.events.isEmpty();
    return new StreamInfo(
        name,
        s.creationTime,
        empty ? null : s.events.get(0).timestamp(),
        empty ? null : s.events.get(s.events.size() - 1).timestamp(),
        empty ? null : s.lastIngestionTime,
        s.storedBytes);
  }

  /**
   * Applies {@code reader} to one stream's events, in order, under the lock.
   *
   * @throws NotFound if the group or the stream does not exist
   */
  public synchronized <T> T read(String group, String stream, Function<List<LogEvent>, T> reader) {
    return reader.apply(Collections.unmodifiableList(stream(group, stream).events));
  }

  /**
   * The events after {@code after} with a time up to {@code endTime} in the group's streams whose
   * names pass {@code streams}, merged in order.
   *
   * @throws NotFound if the group does not exist
   */
  public synchronized List<LogEvent> events(
      String group, Predicate<String> streams, LogEvent.Position after, long endTime) {
    List<LogEvent> out = new ArrayList<>();
    group(group)
        .streams
        .forEach(
            (name, s) -> {
              if (streams.test(name)) {
                for (int i = firstAfter(s.events, after); i < s.events.size(); i++) {
                  LogEvent event = s.events.get(i);
                  if (event.timestamp() > endTime) {
                    break;
                  }
                  out.add(event);
                }
              }
            });
    out.sort(LogEvent.ORDER);
    return out;
  }

  /** The index of the first event that sorts after {@code position}. */
  static int firstAfter(List<LogEvent> events, LogEvent.Position position) {
    int low = 0;
    int high = events.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (events.get(mid).position().compareTo(position) > 0) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private Group group(String name) {
    Group g = groups.get(name);
    if (g == null) {
      throw new NotFound(true);
    }
    return g;
  }

  private Stream stream(String group, String stream) {
    Stream s = group(group).streams.get(stream);
    if (s == null) {
      throw new NotFound(false);
    }
    return s;
  }
}
