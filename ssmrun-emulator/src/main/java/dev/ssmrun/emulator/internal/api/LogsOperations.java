package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Json;
import dev.ssmrun.emulator.internal.logs.EventPages;
import dev.ssmrun.emulator.internal.logs.LogEvent;
import dev.ssmrun.emulator.internal.logs.LogStore;
import dev.ssmrun.emulator.internal.logs.TermPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CloudWatch Logs operations, on the emulator's {@link LogStore}. */
final class LogsOperations {
  static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
  private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
  private static final Pattern PAGE_TOKEN = Pattern.compile("([fb])/(\\d{20})(\\d{20})(\\d{16})/s");
  private static final Pattern GROUP_ARN =
      Pattern.compile("arn:aws[a-z-]*:logs:[^:]*:\\d{12}:log-group:([^:]+)(:\\*)?");
  private static final long DAY_MILLIS = 24 * 3600_000L;
  private static final long TOO_OLD_MILLIS = 14 * DAY_MILLIS;
  private static final long TOO_NEW_MILLIS = 2 * 3600_000L;

  private final Engine engine;
  private final LogStore store;

  LogsOperations(Engine engine) {
    this.engine = engine;
    this.store = engine.logs;
  }

  ObjectNode createLogGroup(Req req) {
    String group = groupName(req, "logGroupName");
    if (!store.createGroup(group, now())) {
      throw AwsError.of("ResourceAlreadyExistsException", "The specified log group already exists");
    }
    return Json.object();
  }

  ObjectNode deleteLogGroup(Req req) {
    if (!store.deleteGroup(groupName(req, "logGroupName"))) {
      throw groupNotFound();
    }
    return Json.object();
  }

  ObjectNode createLogStream(Req req) {
    String group = groupName(req, "logGroupName");
    String stream = streamName(req, "logStreamName");
    if (!found(() -> store.createStream(group, stream, now()))) {
      throw AwsError.of(
          "ResourceAlreadyExistsException", "The specified log stream already exists");
    }
    return Json.object();
  }

  ObjectNode deleteLogStream(Req req) {
    String group = groupName(req, "logGroupName");
    String stream = streamName(req, "logStreamName");
    found(
        () -> {
          store.deleteStream(group, stream);
          return true;
        });
    return Json.object();
  }

  ObjectNode putLogEvents(Req req) {
    String group = groupName(req, "logGroupName");
    String stream = streamName(req, "logStreamName");
    List<JsonNode> given = req.objects("logEvents");
    if (!req.has("logEvents")) {
      throw AwsError.validation("null", "logEvents", "Member must not be null");
    }
    if (given.isEmpty() || given.size() > 10_000) {
      throw AwsError.validation(
          "[...]",
          "logEvents",
          "Member must have length less than or equal to 10000 and greater than or equal to 1");
    }
    long now = now();
    List<LogStore.Draft> accepted = new ArrayList<>();
    ObjectNode rejected = Json.object();
    long batchBytes = 0;
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < given.size(); i++) {
      LogStore.Draft draft = draft(given.get(i), i);
      if (draft.timestamp() < previous) {
        throw AwsError.of(
            "InvalidParameterException",
            "Log events in a single PutLogEvents request must be in chronological order.");
      }
      previous = draft.timestamp();
      batchBytes += new LogEvent(draft.timestamp(), 0, 0, stream, draft.message()).size();
      if (draft.timestamp() > now + TOO_NEW_MILLIS) {
        if (!rejected.has("tooNewLogEventStartIndex")) {
          rejected.put("tooNewLogEventStartIndex", i);
        }
      } else if (draft.timestamp() < now - TOO_OLD_MILLIS) {
        rejected.put("tooOldLogEventEndIndex", i);
      } else {
        accepted.add(draft);
      }
    }
    if (batchBytes > EventPages.MAX_PAGE_BYTES) {
      throw AwsError.of(
          "InvalidParameterException",
          "Upload too large: "
              + batchBytes
              + " bytes exceeds limit of "
              + EventPages.MAX_PAGE_BYTES);
    }
    if (!accepted.isEmpty()
        && accepted.get(accepted.size() - 1).timestamp() - accepted.get(0).timestamp()
            > DAY_MILLIS) {
      throw AwsError.of(
          "InvalidParameterException",
          "The batch of log events in a single PutLogEvents request cannot span more than 24"
              + " hours.");
    }
    found(
        () -> {
          store.put(group, stream, accepted, now);
          return true;
        });
    ObjectNode out = Json.object();
    out.put("nextSequenceToken", String.format("%056d", now));
    if (!rejected.isEmpty()) {
      out.set("rejectedLogEventsInfo", rejected);
    }
    return out;
  }

  private static LogStore.Draft draft(JsonNode event, int index) {
    JsonNode timestamp = event.get("timestamp");
    JsonNode message = event.get("message");
    String field = "logEvents." + (index + 1) + ".member";
    if (timestamp == null || !timestamp.canConvertToLong() || !timestamp.isIntegralNumber()) {
      throw AwsError.validation("null", field + ".timestamp", "Member must not be null");
    }
    if (message == null || !message.isTextual()) {
      throw AwsError.validation("null", field + ".message", "Member must not be null");
    }
    if (message.asText().isEmpty()) {
      throw AwsError.validation(
          "", field + ".message", "Member must have length greater than or equal to 1");
    }
    return new LogStore.Draft(timestamp.asLong(), message.asText());
  }

  ObjectNode describeLogGroups(Req req) {
    String prefix = optional(req, "logGroupNamePrefix", GROUP_NAME);
    String pattern = req.string("logGroupNamePattern");
    if (prefix != null && pattern != null) {
      throw AwsError.of(
          "InvalidParameterException",
          "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
    }
    int limit = req.intInRange("limit", "limit", 1, 50, 50);
    List<ObjectNode> matching = new ArrayList<>();
    for (LogStore.GroupInfo g : store.groups()) {
      if ((prefix == null || g.name().startsWith(prefix))
          && (pattern == null
              || g.name().toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)))) {
        matching.add(group(g));
      }
    }
    Paging.Page<ObjectNode> page = Paging.page(matching, req, limit, Paging.LOGS);
    return Shapes.page("logGroups", page.items(), page.nextToken(), Paging.LOGS);
  }

  ObjectNode describeLogStreams(Req req) {
    String group = groupOf(req);
    String prefix = optional(req, "logStreamNamePrefix", STREAM_NAME);
    String orderBy = req.string("orderBy");
    if (orderBy != null && !orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
      throw AwsError.validation(
          orderBy, "orderBy", "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
    }
    boolean byTime = "LastEventTime".equals(orderBy);
    if (byTime && prefix != null) {
      throw AwsError.of(
          "InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    int limit = req.intInRange("limit", "limit", 1, 50, 50);
    List<LogStore.StreamInfo> streams = found(() -> store.streams(group));
    List<LogStore.StreamInfo> matching = new ArrayList<>();
    for (LogStore.StreamInfo s : streams) {
      if (prefix == null || s.name().startsWith(prefix)) {
        matching.add(s);
      }
    }
    if (byTime) {
      matching.sort(
          Comparator.comparing(
              (LogStore.StreamInfo s) ->
                  s.lastEventTimestamp() == null ? 0L : s.lastEventTimestamp()));
    }
    if (req.bool("descending")) {
      java.util.Collections.reverse(matching);
    }
    Paging.Page<LogStore.StreamInfo> page = Paging.page(matching, req, limit, Paging.LOGS);
    List<ObjectNode> items = new ArrayList<>();
    page.items().forEach(s -> items.add(stream(group, s)));
    return Shapes.page("logStreams", items, page.nextToken(), Paging.LOGS);
  }

  ObjectNode getLogEvents(Req req) {
    String group = groupOf(req);
    String stream = streamName(req, "logStreamName");
    EventPages.Range range = range(req, false);
    int limit = req.intInRange("limit", "limit", 1, 10_000, 10_000);
    String token = req.string("nextToken");
    Matcher parsed = token == null ? null : PAGE_TOKEN.matcher(token);
    if (parsed != null && !parsed.matches()) {
      throw AwsError.of("InvalidParameterException", "The specified nextToken is invalid.");
    }
    boolean head = req.bool("startFromHead");
    EventPages.Page page =
        found(
            () ->
                store.read(
                    group,
                    stream,
                    events -> {
                      if (parsed == null) {
                        return head
                            ? EventPages.forward(events, LogEvent.Position.START, range, limit)
                            : EventPages.tail(events, range, limit);
                      }
                      LogEvent.Position at = position(parsed);
                      return parsed.group(1).equals("f")
                          ? EventPages.forward(events, at, range, limit)
                          : EventPages.backward(events, at, range, limit);
                    }));
    long variant = parsed == null ? 0 : Long.parseLong(parsed.group(4));
    ObjectNode out = Json.object();
    ArrayNode array = out.putArray("events");
    if (engine.faults.draw(FaultSpec.Kind.EMPTY, "GetLogEvents")) {
      // The service may answer an empty page before the end; its token moves on, never repeats.
      LogEvent.Position resume = parsed == null ? LogEvent.Position.START : position(parsed);
      out.put("nextForwardToken", token('f', resume, variant + 1));
      out.put("nextBackwardToken", token('b', resume.next(), variant + 1));
      return out;
    }
    for (LogEvent e : page.events()) {
      ObjectNode o = array.addObject();
      o.put("timestamp", e.timestamp());
      o.put("message", e.message());
      o.put("ingestionTime", e.ingestionTime());
    }
    out.put("nextForwardToken", token('f', page.forward(), 0));
    out.put("nextBackwardToken", token('b', page.backward(), 0));
    return out;
  }

  ObjectNode filterLogEvents(Req req) {
    String group = groupOf(req);
    List<String> names = req.strings("logStreamNames");
    String prefix = optional(req, "logStreamNamePrefix", STREAM_NAME);
    if (req.has("logStreamNames") && (names.isEmpty() || names.size() > 100)) {
      throw AwsError.validation(
          names.toString(),
          "logStreamNames",
          "Member must have length less than or equal to 100 and greater than or equal to 1");
    }
    names.forEach(n -> Req.check(n, "logStreamNames.member", 1, 512, STREAM_NAME));
    if (!names.isEmpty() && prefix != null) {
      throw AwsError.of(
          "InvalidParameterException",
          "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
    }
    EventPages.Range range = range(req, true);
    int limit = req.intInRange("limit", "limit", 1, 10_000, 10_000);
    String patternText = req.string("filterPattern");
    if (patternText != null) {
      Req.check(patternText, "filterPattern", 0, 1024, null);
    }
    Predicate<String> pattern = pattern(patternText);
    LogEvent.Position after = resumeFilter(req);
    if (after == null) {
      after = new LogEvent.Position(range.start(), 0);
    }
    Predicate<String> streams =
        names.isEmpty() ? n -> prefix == null || n.startsWith(prefix) : names::contains;
    LogEvent.Position from = after;
    List<LogEvent> candidates = found(() -> store.events(group, streams, from, range.end() - 1));
    ObjectNode out = Json.object();
    ArrayNode array = out.putArray("events");
    out.putArray("searchedLogStreams");
    if (engine.faults.draw(FaultSpec.Kind.EMPTY, "FilterLogEvents")) {
      out.put("nextToken", Paging.token(req, Paging.LOGS, state(after)));
      return out;
    }
    int count = 0;
    int bytes = 0;
    LogEvent last = null;
    boolean more = false;
    for (LogEvent e : candidates) {
      if (!pattern.test(e.message())) {
        continue;
      }
      if (count >= limit || (count > 0 && bytes + e.size() > EventPages.MAX_PAGE_BYTES)) {
        more = true;
        break;
      }
      ObjectNode o = array.addObject();
      o.put("logStreamName", e.stream());
      o.put("timestamp", e.timestamp());
      o.put("message", e.message());
      o.put("ingestionTime", e.ingestionTime());
      o.put("eventId", e.eventId());
      count++;
      bytes += e.size();
      last = e;
    }
    if (more) {
      out.put("nextToken", Paging.token(req, Paging.LOGS, state(last.position())));
    }
    return out;
  }

  private static Predicate<String> pattern(String text) {
    if (text == null) {
      return m -> true;
    }
    try {
      return TermPattern.parse(text);
    } catch (IllegalArgumentException e) {
      throw AwsError.of("InvalidParameterException", "Invalid filter pattern: " + e.getMessage());
    }
  }

  private static String state(LogEvent.Position p) {
    return p.timestamp() + ":" + p.sequence();
  }

  private static LogEvent.Position resumeFilter(Req req) {
    String state = Paging.resume(req, Paging.LOGS);
    if (state == null) {
      return null;
    }
    int colon = state.indexOf(':');
    try {
      return new LogEvent.Position(
          Long.parseLong(state.substring(0, colon)), Long.parseLong(state.substring(colon + 1)));
    } catch (NumberFormatException | StringIndexOutOfBoundsException unused) {
      throw Paging.LOGS.invalid().get();
    }
  }

  /** The time range: GetLogEvents excludes endTime, FilterLogEvents includes it. */
  private static EventPages.Range range(Req req, boolean endIncluded) {
    Long start = timestamp(req, "startTime");
    Long end = timestamp(req, "endTime");
    long from = start == null ? 0 : start;
    long to = end == null ? Long.MAX_VALUE : end + (endIncluded ? 1 : 0);
    if (to < from) {
      throw AwsError.of(
          "InvalidParameterException", "The startTime must be less than or equal to the endTime.");
    }
    return new EventPages.Range(from, to);
  }

  private static Long timestamp(Req req, String name) {
    if (!req.has(name)) {
      return null;
    }
    JsonNode node = req.body.get(name);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw AwsError.of("SerializationException", "Member " + name + " must be a long.");
    }
    if (node.asLong() < 0) {
      throw AwsError.validation(
          node.asText(), name, "Member must have value greater than or equal to 0");
    }
    return node.asLong();
  }

  private static LogEvent.Position position(Matcher token) {
    return new LogEvent.Position(Long.parseLong(token.group(2)), Long.parseLong(token.group(3)));
  }

  private static String token(char direction, LogEvent.Position p, long variant) {
    return String.format(
        "%c/%020d%020d%016d/s", direction, p.timestamp(), Math.max(0, p.sequence()), variant);
  }

  /** The group named by logGroupName or logGroupIdentifier (a name or ARN): exactly one. */
  private static String groupOf(Req req) {
    boolean byName = req.has("logGroupName");
    boolean byIdentifier = req.has("logGroupIdentifier");
    if (byName == byIdentifier) {
      throw AwsError.of(
          "InvalidParameterException",
          "Exactly one of logGroupName or logGroupIdentifier must be specified.");
    }
    if (byName) {
      return groupName(req, "logGroupName");
    }
    String identifier = req.string("logGroupIdentifier");
    Req.check(identifier, "logGroupIdentifier", 1, 2048, null);
    Matcher arn = GROUP_ARN.matcher(identifier);
    return arn.matches() ? arn.group(1) : identifier;
  }

  private static String groupName(Req req, String member) {
    String name = req.required(member, member);
    Req.check(name, member, 1, 512, GROUP_NAME);
    return name;
  }

  private static String streamName(Req req, String member) {
    String name = req.required(member, member);
    Req.check(name, member, 1, 512, STREAM_NAME);
    return name;
  }

  private static String optional(Req req, String member, Pattern pattern) {
    String value = req.string(member);
    if (value != null) {
      Req.check(value, member, 1, 512, pattern);
    }
    return value;
  }

  private ObjectNode group(LogStore.GroupInfo g) {
    ObjectNode o = Json.object();
    String arn = arn("log-group:" + g.name());
    o.put("logGroupName", g.name());
    o.put("creationTime", g.creationTime());
    o.put("metricFilterCount", 0);
    o.put("arn", arn + ":*");
    o.put("storedBytes", g.storedBytes());
    o.put("logGroupClass", "STANDARD");
    o.put("logGroupArn", arn);
    return o;
  }

  private ObjectNode stream(String group, LogStore.StreamInfo s) {
    ObjectNode o = Json.object();
    o.put("logStreamName", s.name());
    o.put("creationTime", s.creationTime());
    if (s.firstEventTimestamp() != null) {
      o.put("firstEventTimestamp", s.firstEventTimestamp());
      o.put("lastEventTimestamp", s.lastEventTimestamp());
      o.put("lastIngestionTime", s.lastIngestionTime());
      o.put("uploadSequenceToken", String.format("%056d", s.lastIngestionTime()));
    }
    o.put("arn", arn("log-group:" + group + ":log-stream:" + s.name()));
    o.put("storedBytes", 0);
    return o;
  }

  private String arn(String resource) {
    return "arn:aws:logs:" + engine.settings.region() + ":000000000000:" + resource;
  }

  private long now() {
    return engine.clock.millis();
  }

  /** Runs a store call, answering ResourceNotFoundException for a missing group or stream. */
  private static <T> T found(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (LogStore.NotFound e) {
      throw e.group() ? groupNotFound() : streamNotFound();
    }
  }

  private static AwsError groupNotFound() {
    return AwsError.of("ResourceNotFoundException", "The specified log group does not exist.");
  }

  private static AwsError streamNotFound() {
    return AwsError.of("ResourceNotFoundException", "The specified log stream does not exist.");
  }

  /**
   * Wraps a Logs handler: the Logs service answers the model's constraint failures with
   * InvalidParameterException, where SSM says ValidationException.
   */
  static java.util.function.Function<Req, ObjectNode> logs(
      java.util.function.Function<Req, ObjectNode> handler) {
    return req -> {
      try {
        return handler.apply(req);
      } catch (AwsError e) {
        if (e.code().equals("ValidationException")) {
          throw AwsError.of("InvalidParameterException", e.getMessage());
        }
        throw e;
      }
    };
  }
}
