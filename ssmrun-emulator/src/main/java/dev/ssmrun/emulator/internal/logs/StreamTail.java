package dev.ssmrun.emulator.internal.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ships one output file to one log stream as the agent's CloudWatch publisher does: complete lines
 * only while the file is open (a line over 200,000 bytes in 200,000-byte pieces), many lines per
 * event of up to 200,000 bytes, at most 4 events per upload, event time = upload time; the stream is
 * created with the first upload. Once the file is complete the rest goes too, each event losing one
 * trailing newline, and {@code \r\n} becomes {@code \n} throughout (agent {@code
 * cloudwatchlogsservice.go}). Not thread-safe: its {@link Publication} serializes the calls.
 */
final class StreamTail {
  static final int MAX_EVENT_BYTES = 200_000;
  static final int MAX_EVENTS_PER_UPLOAD = 4;

  private final LogStore store;
  private final Clock clock;
  private final String group;
  private final String stream;
  private final Path file;
  private long shipped;
  private boolean created;
  private boolean broken;

  StreamTail(LogStore store, Clock clock, String group, String stream, Path file) {
    this.store = store;
    this.clock = clock;
    this.group = group;
    this.stream = stream;
    this.file = file;
  }

  /** One wake-up while the script runs: uploads up to 4 events of complete lines. */
  void tick() {
    byte[] fresh = read(file, shipped, MAX_EVENT_BYTES * MAX_EVENTS_PER_UPLOAD);
    Batch batch = batch(fresh, false);
    upload(batch.messages());
    shipped += batch.consumed();
  }

  /** The end: uploads whatever {@code all} (the whole output) holds past what was shipped. */
  void finish(byte[] all) {
    while (!broken && shipped < all.length) {
      Batch batch = batch(Arrays.copyOfRange(all, (int) shipped, all.length), true);
      upload(batch.messages());
      shipped += batch.consumed();
    }
  }

  /** Messages for one upload and the bytes of input they hold. */
  record Batch(List<String> messages, int consumed) {}

  /**
   * Up to 4 events from {@code data}. While not {@code complete}, a trailing partial line shorter
   * than 200,000 bytes is left for later.
   */
  static Batch batch(byte[] data, boolean complete) {
    List<String> messages = new ArrayList<>();
    int consumed = 0;
    int messageStart = 0;
    int messageEnd = 0;
    int at = 0;
    while (at < data.length) {
      int lineEnd = lineEnd(data, at);
      if (lineEnd < 0) {
        if (!complete) {
          break; // a partial line waits for its newline
        }
        lineEnd = data.length;
      }
      if (messageEnd - messageStart + lineEnd - at > MAX_EVENT_BYTES) {
        messages.add(message(data, messageStart, messageEnd, complete));
        consumed = messageEnd;
        if (messages.size() >= MAX_EVENTS_PER_UPLOAD) {
          return new Batch(withoutEmpty(messages), consumed);
        }
        messageStart = at;
      }
      messageEnd = lineEnd;
      at = lineEnd;
    }
    if (messageEnd > messageStart) {
      messages.add(message(data, messageStart, messageEnd, complete));
      consumed = messageEnd;
    }
    return new Batch(withoutEmpty(messages), consumed);
  }

  /** The end of the line starting at {@code from}: after its newline, or 200,000 bytes on. */
  private static int lineEnd(byte[] data, int from) {
    int limit = Math.min(data.length, from + MAX_EVENT_BYTES);
    for (int i = from; i < limit; i++) {
      if (data[i] == '\n') {
        return i + 1;
      }
    }
    return limit - from == MAX_EVENT_BYTES ? limit : -1;
  }

  private static String message(byte[] data, int from, int to, boolean complete) {
    String text = new String(data, from, to - from, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (complete && data[to - 1] == '\n') {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  /** The service refuses empty messages, so an event that is only a newline is not sent. */
  private static List<String> withoutEmpty(List<String> messages) {
    messages.removeIf(String::isEmpty);
    return messages;
  }

  private void upload(List<String> messages) {
    if (messages.isEmpty() || broken) {
      return;
    }
    long now = clock.millis();
    List<LogStore.Draft> drafts = new ArrayList<>();
    messages.forEach(m -> drafts.add(new LogStore.Draft(now, m)));
    try {
      if (!created) {
        store.createStream(group, stream, now);
        created = true;
      }
      store.put(group, stream, drafts, now);
    } catch (LogStore.NotFound e) {
      broken = true; // the group was deleted meanwhile: the agent stops streaming
    }
  }

  private static byte[] read(Path file, long from, int max) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long available = channel.size() - from;
      if (available <= 0) {
        return new byte[0];
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(available, max));
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
        // keep reading until the buffer is full or the file ends
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    } catch (NoSuchFileException e) {
      return new byte[0]; // not created yet
    } catch (IOException e) {
      return new byte[0]; // the agent logs and tries again at the next wake-up
    }
  }
}
