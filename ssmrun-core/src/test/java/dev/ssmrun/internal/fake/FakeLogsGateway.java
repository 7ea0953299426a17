package dev.ssmrun.internal.fake;

import dev.ssmrun.internal.live.LogsGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** A scripted CloudWatch Logs: events put by the test, in order; counts every call. */
public final class FakeLogsGateway implements LogsGateway {
  private final Map<String, List<Event>> groups = new LinkedHashMap<>();
  private int ids;

  /** Pages are this long; a longer answer comes with a next token. */
  public int pageSize = 100;

  /** Calls answered with ThrottlingException before the next real one. */
  public int throttle;

  /** If true, every call is refused with AccessDeniedException. */
  public boolean denied;

  /** Every call made: group, prefix and start time. */
  public final List<String> calls = new ArrayList<>();

  /** Adds an event to {@code stream} of {@code group}, creating the group if needed. */
  public synchronized void put(String group, String stream, long timestamp, String message) {
    groups
        .computeIfAbsent(group, g -> new ArrayList<>())
        .add(new Event(stream, timestamp, "e" + ++ids, message));
  }

  @Override
  public synchronized Page filter(String group, String prefix, long startMillis, String token) {
    calls.add(group + " " + prefix + " " + startMillis);
    if (denied) {
      throw error("AccessDeniedException", 400);
    }
    if (throttle > 0) {
      throttle--;
      throw error("ThrottlingException", 400);
    }
    List<Event> events = groups.get(group);
    if (events == null) {
      throw ResourceNotFoundException.builder()
          .statusCode(400)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
          .build();
    }
    List<Event> matching =
        events.stream()
            .filter(e -> e.stream().startsWith(prefix) && e.timestamp() >= startMillis)
            .toList();
    int from = token == null ? 0 : Integer.parseInt(token);
    int to = Math.min(matching.size(), from + pageSize);
    return new Page(
        List.copyOf(matching.subList(from, to)),
        to < matching.size() ? Integer.toString(to) : null);
  }

  private static CloudWatchLogsException error(String code, int status) {
    return (CloudWatchLogsException)
        CloudWatchLogsException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }
}
