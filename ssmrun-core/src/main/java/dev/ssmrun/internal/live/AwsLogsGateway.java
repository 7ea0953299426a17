package dev.ssmrun.internal.live;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

/** {@link LogsGateway} over the real {@link CloudWatchLogsClient}; the SDK owns retries. */
public final class AwsLogsGateway implements LogsGateway {
  private final CloudWatchLogsClient logs;

  /** A gateway over {@code logs}, which may be shared. */
  public AwsLogsGateway(CloudWatchLogsClient logs) {
    this.logs = logs;
  }

  @Override
  public Page filter(String group, String prefix, long startMillis, String nextToken) {
    FilterLogEventsResponse response =
        logs.filterLogEvents(
            b ->
                b.logGroupName(group)
                    .logStreamNamePrefix(prefix)
                    .startTime(startMillis)
                    .nextToken(nextToken));
    List<Event> events =
        response.events().stream()
            .map(e -> new Event(e.logStreamName(), e.timestamp(), e.eventId(), e.message()))
            .toList();
    return new Page(events, response.nextToken());
  }
}
