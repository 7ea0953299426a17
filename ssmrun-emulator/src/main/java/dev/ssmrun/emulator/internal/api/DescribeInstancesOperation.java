package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DescribeInstanceInformation with both filter forms, {@code tag:} filters and paging. */
final class DescribeInstancesOperation {
  private static final Set<String> LEGACY_KEYS =
      Set.of(
          "InstanceIds",
          "AgentVersion",
          "PingStatus",
          "PlatformTypes",
          "ActivationIds",
          "IamRole",
          "ResourceType",
          "AssociationStatus");
  private static final Set<String> KEYS =
      Set.of(
          "ActivationIds",
          "AgentVersion",
          "AssociationStatus",
          "IamRole",
          "InstanceIds",
          "PingStatus",
          "PlatformTypes",
          "ResourceType",
          "SourceIds",
          "SourceTypes",
          "tag-key");

  /** The values the enum-like filter keys accept. */
  private static final java.util.Map<String, Set<String>> VALUES =
      java.util.Map.of(
          "PingStatus", Set.of("Online", "ConnectionLost", "Inactive"),
          "PlatformTypes", Set.of("Windows", "Linux", "MacOS"),
          "ResourceType", Set.of("ManagedInstance", "EC2Instance"),
          "SourceTypes",
              Set.of(
                  "AWS::EC2::Instance",
                  "AWS::IoT::Thing",
                  "AWS::SSM::ManagedInstance",
                  "Microsoft.Compute/virtualMachines"));

  private final Engine engine;

  DescribeInstancesOperation(Engine engine) {
    this.engine = engine;
  }

  /** One filter: key and accepted values. */
  private record Filter(String key, List<String> values) {}

  ObjectNode describe(Req req) {
    int maxResults = req.intInRange("MaxResults", "maxResults", 5, 50, 10);
    List<Filter> filters = filters(req);
    synchronized (engine.lock) {
      List<Instance> matching = new ArrayList<>();
      for (Instance instance : engine.instances.values()) {
        if (filters.stream().allMatch(f -> matches(instance, f))) {
          matching.add(instance);
        }
      }
      Paging.Page<Instance> page = Paging.page(matching, req, maxResults);
      List<ObjectNode> items = new ArrayList<>();
      page.items().forEach(i -> items.add(Shapes.instance(i)));
      return Shapes.page("InstanceInformationList", items, page.nextToken());
    }
  }

  private static List<Filter> filters(Req req) {
    List<JsonNode> legacy = req.objects("InstanceInformationFilterList");
    List<JsonNode> modern = req.objects("Filters");
    if (!legacy.isEmpty() && !modern.isEmpty()) {
      throw AwsError.of(
          "ValidationException", "Use either InstanceInformationFilterList or Filters, not both.");
    }
    List<Filter> out = new ArrayList<>();
    for (JsonNode f : legacy) {
      out.add(filter(f.path("key").asText(""), Req.strings(f, "valueSet"), true));
    }
    for (JsonNode f : modern) {
      out.add(filter(f.path("Key").asText(""), Req.strings(f, "Values"), false));
    }
    return out;
  }

  private static Filter filter(String key, List<String> values, boolean legacy) {
    boolean known =
        legacy ? LEGACY_KEYS.contains(key) : KEYS.contains(key) || key.startsWith("tag:");
    if (!known) {
      throw AwsError.bare("InvalidFilterKey");
    }
    if (values.isEmpty() || values.size() > 100) {
      throw AwsError.of(
          "InvalidInstanceInformationFilterValue",
          "Filter " + key + " needs between 1 and 100 values.");
    }
    Set<String> allowed = VALUES.get(key);
    for (String value : values) {
      if (allowed != null && !allowed.contains(value)) {
        throw AwsError.filterValue("InvalidInstanceInformationFilterValue", key, value, allowed);
      }
    }
    if (key.equals("InstanceIds")) {
      SendCommandOperation.checkIds(values, "filters.member.values");
    }
    return new Filter(key, values);
  }

  private static boolean matches(Instance i, Filter f) {
    if (f.key().startsWith("tag:")) {
      String tag = i.tags.get(f.key().substring(4));
      return tag != null && f.values().contains(tag);
    }
    return switch (f.key()) {
      case "InstanceIds", "SourceIds" -> f.values().contains(i.id);
      case "PingStatus" -> f.values().contains(i.pingStatus());
      case "PlatformTypes" -> f.values().contains(i.platform.wireName());
      case "ResourceType" -> f.values().contains("EC2Instance");
      case "SourceTypes" -> f.values().contains("AWS::EC2::Instance");
      case "tag-key" -> f.values().stream().anyMatch(i.tags::containsKey);
      case "AssociationStatus" -> f.values().contains("Success");
      case "AgentVersion" -> f.values().contains(Shapes.AGENT_VERSION);
      default -> false;
    };
  }
}
