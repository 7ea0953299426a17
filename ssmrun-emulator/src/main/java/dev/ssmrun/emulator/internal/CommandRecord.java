package dev.ssmrun.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One SendCommand: the request as accepted plus its invocations. Guarded by the registry lock. */
public final class CommandRecord {
  public final String commandId;
  public final Document document;
  public final String documentVersion;
  public final JsonNode request;
  public final Map<String, List<String>> parameters;
  public final int timeoutSeconds;
  public final int executionTimeoutSeconds;
  public final String comment;
  public final String bucket;
  public final String keyPrefix;
  public final String maxConcurrency;
  public final String maxErrors;
  public final Instant requestedAt;
  public final Instant expiresAfter;
  public final boolean usesTargets;
  public final Map<String, Invocation> invocations = new LinkedHashMap<>();
  private boolean targetsResolved;

  /** With ramp-up: how many invocations may run at once now (1, 2, 4, ...). */
  int rampLimit = 1;

  boolean cancelRequested;
  boolean errorLimitHit;

  /** A command as accepted, with no invocations yet. */
  public CommandRecord(Builder b) {
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

  /** True once the service resolved Targets into invocations (at once for InstanceIds). */
  public boolean targetsResolved() {
    return targetsResolved;
  }

  /** The service resolved Targets: the invocations are all there. */
  public void targetsResolved(boolean value) {
    targetsResolved = value;
  }

  /** The agent's S3 key up to the plugin: {@code prefix/commandId/instanceId/awsrunShellScript}. */
  public String outputKeyPrefix(String instanceId) {
    String prefix = keyPrefix.replaceAll("^/+|/+$", "");
    return (prefix.isEmpty() ? "" : prefix + "/")
        + commandId
        + "/"
        + instanceId
        + "/"
        + document.pluginName.replace(":", "");
  }

  /** TargetCount: the number of invocations. */
  public int targetCount() {
    return invocations.size();
  }

  /** CompletedCount: invocations in a final status. */
  public int completedCount() {
    return (int) invocations.values().stream().filter(Invocation::terminal).count();
  }

  /** ErrorCount: invocations that count against MaxErrors. */
  public int errorCount() {
    return (int) invocations.values().stream().filter(Invocation::isError).count();
  }

  /** DeliveryTimedOutCount. */
  public int deliveryTimedOutCount() {
    return count("DeliveryTimedOut");
  }

  /** The command-level status, derived from the invocations. */
  public String status() {
    return statusAndDetails()[0];
  }

  /** The command-level StatusDetails. */
  public String details() {
    return statusAndDetails()[1];
  }

  private int count(String invocationDetails) {
    return (int)
        invocations.values().stream().filter(i -> i.details().equals(invocationDetails)).count();
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
      boolean anyMoved = invocations.values().stream().anyMatch(i -> !i.status().equals("Pending"));
      return anyMoved ? pair("InProgress", "InProgress") : pair("Pending", "Pending");
    }
    return terminalPair();
  }

  /**
   * The model's rule: Failed, Execution Timed Out or Delivery Timed Out when MaxErrors or more
   * invocations (at least one) ended that way; Incomplete when every target was attempted and
   * some did not succeed, but too few for that. Incomplete's Status is Failed (unconfirmed).
   */
  private String[] terminalPair() {
    if (cancelRequested
        && invocations.values().stream().anyMatch(i -> i.status().equals("Cancelled"))) {
      return pair("Cancelled", "Cancelled");
    }
    if (invocations.values().stream().allMatch(i -> i.status().equals("Success"))) {
      return pair("Success", "Success");
    }
    int threshold = Math.max(1, Limits.errors(maxErrors, targetCount()));
    if (count("Failed") >= threshold) {
      return pair("Failed", "Failed");
    }
    if (count("ExecutionTimedOut") >= threshold) {
      return pair("TimedOut", "ExecutionTimedOut");
    }
    if (count("DeliveryTimedOut") >= threshold) {
      return pair("TimedOut", "DeliveryTimedOut");
    }
    return pair("Failed", "Incomplete");
  }

  private static String[] pair(String status, String details) {
    return new String[] {status, details};
  }

  /** Collects the accepted request fields. */
  public static final class Builder {
    public String commandId;
    public Document document;
    public String documentVersion;
    public JsonNode request;
    public Map<String, List<String>> parameters;
    public int timeoutSeconds;
    public int executionTimeoutSeconds;
    public String comment;
    public String bucket;
    public String keyPrefix;
    public String maxConcurrency;
    public String maxErrors;
    public Instant requestedAt;
    public boolean usesTargets;
  }
}
