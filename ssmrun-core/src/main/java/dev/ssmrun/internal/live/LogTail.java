package dev.ssmrun.internal.live;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.internal.aws.AwsErrors;
import dev.ssmrun.internal.watch.SentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Tails a run's commands in CloudWatch Logs and turns their events into exactly-once chunks. One
 * {@code FilterLogEvents} per tick (every second, on its own schedule), for one command in turn,
 * with the stream prefix {@code <CommandId>/}, up to 4 pages; throttling doubles the interval up
 * to 8 s. Queries reach back a few seconds before the newest event seen (events can land out of
 * order across instances) and skip event ids already seen. Confined to the run's driver.
 */
public final class LogTail {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration LONGEST_INTERVAL = Duration.ofSeconds(8);
  static final Duration LOOK_BACK = Duration.ofSeconds(5);
  static final Duration GROUP_GRACE = Duration.ofSeconds(15);
  static final int PAGES_PER_TICK = 4;
  private static final String TRUNCATED = "--output truncated--";

  private final LogsGateway logs;
  private final List<Tailed> commands = new ArrayList<>();
  private final Map<String, StreamBuffer> streams = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private Duration interval = INTERVAL;
  private Instant nextDue;
  private int turn;
  private boolean disabled;
  private boolean warnedGroup;

  /** One command being tailed: where, from when, and what was seen. */
  private static final class Tailed {
    final SentCommand command;
    final Map<String, Long> seen = new LinkedHashMap<>();
    long newest;
    String token;
    boolean groupSeen;

    Tailed(SentCommand command) {
      this.command = command;
      this.newest = command.sentAt().toEpochMilli();
    }
  }

  /** A tail over {@code logs}. */
  public LogTail(LogsGateway logs) {
    this.logs = logs;
  }

  /** Starts tailing {@code command}; one sent without CloudWatch output gets a warning. */
  public void add(SentCommand command) {
    if (commands.stream().anyMatch(t -> t.command.commandId().equals(command.commandId()))) {
      return;
    }
    if (command.logGroup() == null) {
      warn(
          "no live output for "
              + command.commandId()
              + ": it was sent without CloudWatch output; its output comes when it ends");
      return;
    }
    commands.add(new Tailed(command));
    if (nextDue == null) {
      nextDue = command.sentAt().plus(interval);
    }
  }

  /** When the next tick is due; empty when there is nothing to tail. */
  public Optional<Instant> nextDue() {
    return disabled || commands.isEmpty() ? Optional.empty() : Optional.ofNullable(nextDue);
  }

  /** Warnings not yet taken: each is said once. */
  public List<String> takeWarnings() {
    List<String> taken = List.copyOf(warnings);
    warnings.clear();
    return taken;
  }

  /** One tick if due: new whole lines, in order per stream. */
  public List<OutputChunk> poll(Instant now) {
    List<OutputChunk> chunks = new ArrayList<>();
    if (nextDue().isEmpty() || now.isBefore(nextDue)) {
      return chunks;
    }
    Tailed tailed = commands.get(turn++ % commands.size());
    try {
      for (int page = 0; page < PAGES_PER_TICK; page++) {
        long start = Math.max(0, tailed.newest - LOOK_BACK.toMillis());
        LogsGateway.Page p =
            logs.filter(
                tailed.command.logGroup(), tailed.command.commandId() + "/", start, tailed.token);
        tailed.groupSeen = true;
        p.events().forEach(e -> read(tailed, e, chunks));
        tailed.token = p.nextToken();
        if (tailed.token == null) {
          break;
        }
      }
      interval = max(interval.dividedBy(2), INTERVAL);
    } catch (ResourceNotFoundException e) {
      tailed.token = null;
      groupMissing(tailed, now); // The agent creates the group with its first upload.
    } catch (SdkException e) {
      if (!AwsErrors.isTransient(e)) {
        disabled = true;
        warn(
            "no live output: CloudWatch Logs refused FilterLogEvents on "
                + tailed.command.logGroup()
                + " ("
                + AwsErrors.code(e)
                + "); the run goes on, and the output comes when each instance ends");
      } else {
        interval = min(interval.multipliedBy(2), LONGEST_INTERVAL);
      }
    }
    nextDue = now.plus(interval);
    return chunks;
  }

  /**
   * The rest of {@code result}'s two streams once it finished, so that its chunks concatenate to
   * its final output; and the result, whose output CloudWatch completed if SSM had truncated it.
   */
  public Finished finish(InvocationResult result) {
    List<OutputChunk> chunks = new ArrayList<>();
    InvocationResult.Builder b = result.toBuilder();
    String stdout =
        rest(result, OutputChunk.Stream.STDOUT, result.stdout(), result.stdoutTruncated(), chunks);
    String stderr =
        rest(result, OutputChunk.Stream.STDERR, result.stderr(), result.stderrTruncated(), chunks);
    if (!stdout.equals(result.stdout())) {
      b.stdout(stdout).stdoutTruncated(false);
    }
    if (!stderr.equals(result.stderr())) {
      b.stderr(stderr).stderrTruncated(false);
    }
    return new Finished(b.build(), chunks);
  }

  /** A finished invocation: its result and the chunks still owed for it. */
  public record Finished(InvocationResult result, List<OutputChunk> chunks) {}

  /** True if {@code result} should wait for CloudWatch's late events to complete its output. */
  public boolean wantsLateEvents(InvocationResult result) {
    return !disabled
        && (result.stdoutTruncated() || result.stderrTruncated())
        && commands.stream().anyMatch(t -> t.command.commandId().equals(result.commandId()));
  }

  private String rest(
      InvocationResult result,
      OutputChunk.Stream stream,
      String text,
      boolean truncated,
      List<OutputChunk> chunks) {
    // Kept, finished: events of this stream that land later must not be delivered again.
    StreamBuffer buffer =
        streams.computeIfAbsent(
            key(result.commandId(), result.instanceId(), stream), k -> new StreamBuffer());
    buffer.finish();
    String whole = text;
    if (truncated) {
      String cw = buffer.reconstructed();
      String kept =
          text.endsWith(TRUNCATED) ? text.substring(0, text.length() - TRUNCATED.length()) : text;
      if (cw.startsWith(kept) && cw.length() > kept.length()) {
        whole = cw;
      }
    }
    String delivered = buffer.delivered();
    if (whole.startsWith(delivered)) {
      add(chunks, result, stream, whole.substring(delivered.length()));
    } else {
      warn(
          "live output of "
              + result.instanceId()
              + " "
              + stream.name().toLowerCase(java.util.Locale.ROOT)
              + " differs from its final output (CR LF line ends or bytes that are not UTF-8,"
              + " which CloudWatch turns into text); the result holds the exact output");
    }
    return whole;
  }

  private void read(Tailed tailed, LogsGateway.Event event, List<OutputChunk> chunks) {
    if (tailed.seen.containsKey(event.eventId())) {
      return;
    }
    tailed.seen.put(event.eventId(), event.timestamp());
    tailed.newest = Math.max(tailed.newest, event.timestamp());
    long oldest = tailed.newest - 2 * LOOK_BACK.toMillis();
    tailed.seen.values().removeIf(t -> t < oldest);
    Optional<StreamKey> target = StreamKey.parse(event.stream());
    if (target.isEmpty()) {
      return;
    }
    StreamKey k = target.get();
    StreamBuffer buffer =
        streams.computeIfAbsent(
            key(tailed.command.commandId(), k.instanceId(), k.stream()), x -> new StreamBuffer());
    String fresh = buffer.add(event);
    if (!fresh.isEmpty()) {
      chunks.add(new OutputChunk(tailed.command.commandId(), k.instanceId(), k.stream(), fresh));
    }
  }

  private void groupMissing(Tailed tailed, Instant now) {
    if (!tailed.groupSeen
        && !warnedGroup
        && !now.isBefore(tailed.command.sentAt().plus(GROUP_GRACE))) {
      warnedGroup = true;
      warn(
          "no live output yet: log group "
              + tailed.command.logGroup()
              + " has not appeared "
              + GROUP_GRACE.toSeconds()
              + " s after sending (the instances need logs:CreateLogGroup, CreateLogStream and"
              + " PutLogEvents); the output comes when each instance ends");
    }
  }

  private static void add(
      List<OutputChunk> chunks, InvocationResult r, OutputChunk.Stream stream, String text) {
    if (!text.isEmpty()) {
      chunks.add(new OutputChunk(r.commandId(), r.instanceId(), stream, text));
    }
  }

  private void warn(String warning) {
    warnings.add(warning);
  }

  private static String key(String commandId, String instanceId, OutputChunk.Stream stream) {
    return commandId + "/" + instanceId + "/" + stream;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Instance and stream of a log stream named {@code <cmd>/<instance>/<plugin>/stdout}. */
  private record StreamKey(String instanceId, OutputChunk.Stream stream) {
    static Optional<StreamKey> parse(String name) {
      String[] parts = name.split("/", -1);
      if (parts.length < 4) {
        return Optional.empty();
      }
      String last = parts[parts.length - 1];
      if (last.equals("stdout")) {
        return Optional.of(new StreamKey(parts[1], OutputChunk.Stream.STDOUT));
      }
      if (last.equals("stderr")) {
        return Optional.of(new StreamKey(parts[1], OutputChunk.Stream.STDERR));
      }
      return Optional.empty();
    }
  }
}
