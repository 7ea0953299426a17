package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The {@code CommandFilter} list of ListCommands and ListCommandInvocations. */
final class CommandFilters {
  private static final Set<String> KEYS =
      Set.of("InvokedAfter", "InvokedBefore", "Status", "ExecutionStage", "DocumentName");

  /** The Status values both APIs accept (model {@code CommandFilter.value}). */
  private static final List<String> STATUSES =
      List.of(
          "Pending",
          "InProgress",
          "Success",
          "Cancelled",
          "Failed",
          "TimedOut",
          "AccessDenied",
          "DeliveryTimedOut",
          "ExecutionTimedOut");

  private static final Set<String> COMMAND_STATUSES =
      with(STATUSES, "Incomplete", "NoInstancesInTag", "LimitExceeded");

  private static final Set<String> INVOCATION_STATUSES =
      with(STATUSES, "Delayed", "Undeliverable", "InvalidPlatform", "Terminated");

  private static final Set<String> STAGES = Set.of("Executing", "Complete");

  private final List<JsonNode> filters;

  private CommandFilters(List<JsonNode> filters) {
    this.filters = filters;
  }

  private static Set<String> with(List<String> common, String... more) {
    Set<String> all = new java.util.HashSet<>(common);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  /** Reads and checks the filters; ExecutionStage only where {@code allowStage}. */
  static CommandFilters of(Req req, boolean allowStage) {
    List<JsonNode> filters = req.objects("Filters");
    if (req.has("Filters") && (filters.isEmpty() || filters.size() > 5)) {
      throw AwsError.validation(
          req.body.get("Filters").toString(),
          "filters",
          "Member must have length less than or equal to 5 and greater than or equal to 1");
    }
    for (JsonNode filter : filters) {
      String key = filter.path("key").asText("");
      if (!KEYS.contains(key) || (key.equals("ExecutionStage") && !allowStage)) {
        throw AwsError.bare("InvalidFilterKey");
      }
      String value = filter.path("value").asText("");
      if (value.isEmpty()) {
        throw AwsError.validation(
            value, "filters.member.value", "Member must have length greater than or equal to 1");
      }
      if (key.startsWith("Invoked")) {
        time(value);
      }
      Set<String> allowed =
          key.equals("Status")
              ? (allowStage ? COMMAND_STATUSES : INVOCATION_STATUSES)
              : key.equals("ExecutionStage") ? STAGES : null;
      if (allowed != null && !allowed.contains(value)) {
        throw AwsError.filterValue("InvalidFilterKey", key, value, allowed);
      }
    }
    return new CommandFilters(filters);
  }

  /** True if a command (with this status and details) passes every filter. */
  boolean matches(CommandRecord command, String status, String details) {
    for (JsonNode filter : filters) {
      String key = filter.path("key").asText();
      String value = filter.path("value").asText();
      boolean ok =
          switch (key) {
            case "InvokedAfter" -> !command.requestedAt.isBefore(time(value));
            case "InvokedBefore" -> !command.requestedAt.isAfter(time(value));
            case "Status" -> value.equals(status) || value.equals(details);
            case "ExecutionStage" -> {
              boolean done =
                  command.completedCount() == command.targetCount() && command.targetsResolved();
              yield value.equals(done ? "Complete" : "Executing");
            }
            default -> value.equals(command.document.documentName);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Instant time(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException unused) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException unused2) {
        throw AwsError.of(
            "ValidationException",
            "Filter value '" + value + "' is not an ISO-8601 time such as 2024-07-07T00:00:00Z.");
      }
    }
  }
}
