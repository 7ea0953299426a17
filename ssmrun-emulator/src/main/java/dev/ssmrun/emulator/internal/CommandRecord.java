package dev.ssmrun.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One SendCommand: the request as accepted plus its invocations. Guarded by the registry lock. */
final class CommandRecord {
  final String commandId;
  final Document document;
  final String documentVersion;
  final JsonNode request;
  final Map<String, List<String>> parameters;
  final int timeoutSeconds;
  final int executionTimeoutSeconds;
  final String comment;
  final String bucket;
  final String keyPrefix;
  final String maxConcurrency;
  final String maxErrors;
  final Instant requestedAt;
  final Instant expiresAfter;
  final boolean usesTargets;
  final Map<String, Invocation> invocations = new LinkedHashMap<>();
  boolean targetsResolved;
  boolean cancelRequested;
  boolean errorLimitHit;

  CommandRecord(Builder b) {
    commandId = b.commandId;
    document = b.document;
    documentVersion = b.documentVersion;
    request = b.request;
    parameters = b.parameters;
    timeoutSeconds = b.timeoutSeconds;
    executionTimeoutSeconds = b.executionTimeoutSeconds;
    comment = b.comment;
    bucket = b.bucket;
    keyPrefix = b.keyPrefix;
    maxConcurrency = b.maxConcurrency;
    maxErrors = b.maxErrors;
    requestedAt = b.requestedAt;
    expiresAfter = requestedAt.plusSeconds((long) timeoutSeconds + executionTimeoutSeconds);
    usesTargets = b.usesTargets;
    targetsResolved = !b.usesTargets;
  }

  /** The agent's S3 key up to the plugin: {@code prefix/commandId/instanceId/awsrunShellScript}. */
  String outputKeyPrefix(String instanceId) {
    String prefix = keyPrefix.replaceAll("^/+|/+$", "");
    return (prefix.isEmpty() ? "" : prefix + "/")
        + commandId
        + "/"
        + instanceId
        + "/"
        + document.pluginName.replace(":", "");
  }

  int targetCount() {
    return invocations.size();
  }

  int completedCount() {
    return (int) invocations.values().stream().filter(Invocation::terminal).count();
  }

  int errorCount() {
    return (int) invocations.values().stream().filter(Invocation::isError).count();
  }

  int deliveryTimedOutCount() {
    return (int)
        invocations.values().stream().filter(i -> i.details.equals("DeliveryTimedOut")).count();
  }

  /** The command-level status, derived from the invocations. */
  String status() {
    return statusAndDetails()[0];
  }

  String details() {
    return statusAndDetails()[1];
  }

  private String[] statusAndDetails() {
    if (!targetsResolved) {
      return pair("Pending", "Pending");
    }
    if (invocations.isEmpty()) {
      return pair("Success", "NoInstancesInTag");
    }
    boolean allTerminal = completedCount() == invocations.size();
    if (!allTerminal) {
      if (cancelRequested) {
        return pair("Cancelling", "Cancelling");
      }
      boolean anyMoved = invocations.values().stream().anyMatch(i -> !i.status.equals("Pending"));
      return anyMoved ? pair("InProgress", "InProgress") : pair("Pending", "Pending");
    }
    return terminalPair();
  }

  private String[] terminalPair() {
    if (cancelRequested
        && invocations.values().stream().anyMatch(i -> i.status.equals("Cancelled"))) {
      return pair("Cancelled", "Cancelled");
    }
    if (invocations.values().stream().allMatch(i -> i.status.equals("Success"))) {
      return pair("Success", "Success");
    }
    if (errorCount() > 0) {
      return pair("Failed", "Failed");
    }
    if (invocations.values().stream().allMatch(i -> i.details.equals("DeliveryTimedOut"))) {
      return pair("TimedOut", "DeliveryTimedOut");
    }
    if (invocations.values().stream().anyMatch(i -> i.status.equals("TimedOut"))) {
      return pair("TimedOut", "Incomplete");
    }
    return pair("Failed", "Incomplete");
  }

  private static String[] pair(String status, String details) {
    return new String[] {status, details};
  }

  /** Collects the accepted request fields. */
  static final class Builder {
    String commandId;
    Document document;
    String documentVersion;
    JsonNode request;
    Map<String, List<String>> parameters;
    int timeoutSeconds;
    int executionTimeoutSeconds;
    String comment;
    String bucket;
    String keyPrefix;
    String maxConcurrency;
    String maxErrors;
    Instant requestedAt;
    boolean usesTargets;
  }
}
