package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Instance;
import dev.ssmrun.emulator.internal.Invocation;
import dev.ssmrun.emulator.internal.Json;
import dev.ssmrun.emulator.internal.agent.AgentStatus;
import dev.ssmrun.emulator.internal.agent.Truncation;
import java.util.List;

/** Renders the service's response shapes, with AWS's empty strings and lists. */
final class Shapes {
  static final String AGENT_VERSION = "3.3.987.0";

  private Shapes() {}

  /** The {@code Command} structure of SendCommand and ListCommands. Call under the lock. */
  static ObjectNode command(CommandRecord c, String region) {
    ObjectNode o = Json.object();
    o.put("CommandId", c.commandId);
    o.put("DocumentName", c.document.documentName);
    o.put("DocumentVersion", c.documentVersion);
    o.put("Comment", c.comment);
    o.put("ExpiresAfter", Json.epoch(c.expiresAfter));
    JsonNode params = c.request.get("Parameters");
    o.set("Parameters", params != null && params.isObject() ? params.deepCopy() : Json.object());
    o.set("InstanceIds", Json.strings(c.usesTargets ? List.of() : c.invocations.keySet()));
    o.set("Targets", targets(c.request));
    o.put("RequestedDateTime", Json.epoch(c.requestedAt));
    o.put("Status", c.status());
    o.put("StatusDetails", c.details());
    o.put("OutputS3Region", region);
    o.put("OutputS3BucketName", c.bucket);
    o.put("OutputS3KeyPrefix", c.keyPrefix);
    o.put("MaxConcurrency", c.maxConcurrency);
    o.put("MaxErrors", c.maxErrors);
    o.put("TargetCount", c.targetsResolved() ? c.targetCount() : 0);
    o.put("CompletedCount", c.completedCount());
    o.put("ErrorCount", c.errorCount());
    o.put("DeliveryTimedOutCount", c.deliveryTimedOutCount());
    o.put("ServiceRole", text(c.request, "ServiceRoleArn"));
    o.set("NotificationConfig", notificationConfig(c.request));
    o.set("CloudWatchOutputConfig", cloudWatch(c.request));
    o.put("TimeoutSeconds", c.timeoutSeconds);
    ObjectNode alarms = o.putObject("AlarmConfiguration");
    alarms.put("IgnorePollAlarmFailure", false);
    alarms.putArray("Alarms");
    o.putArray("TriggeredAlarms");
    return o;
  }

  /** The SendCommand answer, taken right after acceptance (targets not resolved yet). */
  static ObjectNode sendCommandResponse(CommandRecord c, String region) {
    ObjectNode command = command(c, region);
    if (c.usesTargets) {
      command.put("TargetCount", 0);
      command.put("Status", "Pending");
      command.put("StatusDetails", "Pending");
    }
    ObjectNode out = Json.object();
    out.set("Command", command);
    return out;
  }

  /** GetCommandInvocation's answer. Call under the lock. */
  static ObjectNode getInvocation(Invocation inv) {
    CommandRecord c = inv.command;
    ObjectNode o = Json.object();
    o.put("CommandId", c.commandId);
    o.put("InstanceId", inv.instance.id);
    o.put("Comment", c.comment);
    o.put("DocumentName", c.document.documentName);
    o.put("DocumentVersion", c.documentVersion);
    o.put("PluginName", c.document.pluginName);
    o.put("ResponseCode", inv.responseCode());
    o.put("ExecutionStartDateTime", Json.iso(inv.startedAt()));
    o.put("ExecutionElapsedTime", Json.elapsed(inv.startedAt(), inv.endedAt()));
    o.put("ExecutionEndDateTime", Json.iso(inv.endedAt()));
    o.put("Status", inv.status());
    o.put("StatusDetails", inv.details());
    o.put("StandardOutputContent", inv.stdout());
    o.put("StandardOutputUrl", inv.stdoutUrl());
    o.put("StandardErrorContent", inv.stderr());
    o.put("StandardErrorUrl", inv.stderrUrl());
    o.set("CloudWatchOutputConfig", cloudWatch(c.request));
    return o;
  }

  /** One {@code CommandInvocation} of ListCommandInvocations. Call under the lock. */
  static ObjectNode listedInvocation(Invocation inv, boolean details, String region) {
    CommandRecord c = inv.command;
    ObjectNode o = Json.object();
    o.put("CommandId", c.commandId);
    o.put("InstanceId", inv.instance.id);
    o.put("InstanceName", inv.instance.name);
    o.put("Comment", c.comment);
    o.put("DocumentName", c.document.documentName);
    o.put("DocumentVersion", c.documentVersion);
    o.put("RequestedDateTime", Json.epoch(c.requestedAt));
    o.put("Status", inv.status());
    o.put("StatusDetails", inv.details());
    o.put("TraceOutput", "");
    o.put("StandardOutputUrl", inv.stdoutUrl());
    o.put("StandardErrorUrl", inv.stderrUrl());
    ArrayNode plugins = o.putArray("CommandPlugins");
    if (details) {
      plugins.add(plugin(inv, region));
    }
    o.put("ServiceRole", text(c.request, "ServiceRoleArn"));
    o.set("NotificationConfig", notificationConfig(c.request));
    o.set("CloudWatchOutputConfig", cloudWatch(c.request));
    return o;
  }

  private static ObjectNode plugin(Invocation inv, String region) {
    CommandRecord c = inv.command;
    ObjectNode p = Json.object();
    p.put("Name", c.document.pluginName);
    p.put("Status", inv.pluginStatus());
    p.put("StatusDetails", inv.details());
    p.put("ResponseCode", inv.responseCode());
    if (inv.startedAt() != null) {
      p.put("ResponseStartDateTime", Json.epoch(inv.startedAt()));
    }
    if (inv.endedAt() != null) {
      p.put("ResponseFinishDateTime", Json.epoch(inv.endedAt()));
    }
    String stderr = inv.responseCode() == AgentStatus.SUCCESS_AND_SKIP ? "" : inv.stderr();
    p.put("Output", Truncation.pluginOutput(inv.stdout(), stderr, Truncation.MAX_PLUGIN_OUTPUT));
    p.put("StandardOutputUrl", inv.stdoutUrl());
    p.put("StandardErrorUrl", inv.stderrUrl());
    p.put("OutputS3Region", region);
    p.put("OutputS3BucketName", c.bucket);
    p.put("OutputS3KeyPrefix", c.bucket.isEmpty() ? "" : c.outputKeyPrefix(inv.instance.id));
    return p;
  }

  /** One {@code InstanceInformation}. Call under the lock. */
  static ObjectNode instance(Instance i) {
    ObjectNode o = Json.object();
    o.put("InstanceId", i.id);
    o.put("PingStatus", i.pingStatus());
    o.put("LastPingDateTime", Json.epoch(i.lastPing()));
    o.put("AgentVersion", AGENT_VERSION);
    o.put("IsLatestVersion", true);
    o.put("PlatformType", i.platform.wireName());
    o.put("PlatformName", i.os.platformName());
    o.put("PlatformVersion", i.os.platformVersion());
    o.put("ResourceType", "EC2Instance");
    o.put("IPAddress", "127.0.0.1");
    o.put("ComputerName", i.name);
    o.put("AssociationStatus", "Success");
    o.put("SourceId", i.id);
    o.put("SourceType", "AWS::EC2::Instance");
    return o;
  }

  private static ArrayNode targets(JsonNode request) {
    JsonNode targets = request.get("Targets");
    return targets != null && targets.isArray()
        ? targets.deepCopy()
        : Json.MAPPER.createArrayNode();
  }

  private static String text(JsonNode request, String name) {
    JsonNode node = request.get(name);
    return node != null && node.isTextual() ? node.asText() : "";
  }

  private static ObjectNode notificationConfig(JsonNode request) {
    ObjectNode o = Json.object();
    JsonNode given = request.path("NotificationConfig");
    o.put("NotificationArn", given.path("NotificationArn").asText(""));
    o.set(
        "NotificationEvents",
        given.has("NotificationEvents")
            ? given.get("NotificationEvents").deepCopy()
            : Json.MAPPER.createArrayNode());
    o.put("NotificationType", given.path("NotificationType").asText(""));
    return o;
  }

  private static ObjectNode cloudWatch(JsonNode request) {
    ObjectNode o = Json.object();
    JsonNode given = request.path("CloudWatchOutputConfig");
    o.put("CloudWatchLogGroupName", given.path("CloudWatchLogGroupName").asText(""));
    o.put("CloudWatchOutputEnabled", given.path("CloudWatchOutputEnabled").asBoolean(false));
    return o;
  }

  /** Wraps a list and an optional token as {@code {"<name>": [...], "NextToken": ...}}. */
  static ObjectNode page(String name, List<? extends JsonNode> items, String nextToken) {
    return page(name, items, nextToken, Paging.SSM);
  }

  /** The same with the token member of {@code style} ({@code nextToken} for Logs). */
  static ObjectNode page(
      String name, List<? extends JsonNode> items, String nextToken, Paging.Style style) {
    ObjectNode out = Json.object();
    ArrayNode array = out.putArray(name);
    items.forEach(array::add);
    if (nextToken != null) {
      out.put(style.tokenMember(), nextToken);
    }
    return out;
  }
}
