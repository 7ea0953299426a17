package dev.ssmrun.internal.live;

import java.util.List;

/** The CloudWatch Logs calls the tail makes: a narrow port, faked in unit tests. */
public interface LogsGateway {
  /** One page of events whose stream starts with {@code prefix}, from {@code startMillis} on. */
  Page filter(String group, String prefix, long startMillis, String nextToken);

  /** A page of events in the service's order, and the token for more (null: none now). */
  record Page(List<Event> events, String nextToken) {}

  /** One log event as FilterLogEvents returns it. */
  record Event(String stream, long timestamp, String eventId, String message) {}
}
