package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * Prints {@code ssmrun instances}: an aligned table (text), {@code {"instances":[...]}} (json), or
 * one object per instance as each page arrives (jsonl).
 */
public abstract class InstancePrinter {
  static final List<String> COLUMNS =
      List.of("INSTANCE ID", "NAME", "PING", "PLATFORM", "AGENT", "IP");

  public abstract void instance(InstanceInformation instance);

  public abstract void finished();

  public static InstancePrinter of(OutputFormat format, CliOutput output) {
    return switch (format) {
      case TEXT -> new Table(output);
      case JSON -> new Document(output);
      case JSONL -> new Lines(output);
    };
  }

  public static ObjectNode json(InstanceInformation i) {
    ObjectNode node = Json.object();
    node.put("instanceId", i.instanceId());
    node.put("name", i.computerName());
    node.put("pingStatus", i.pingStatusAsString());
    node.put("platformType", i.platformTypeAsString());
    node.put("platformName", i.platformName());
    node.put("platformVersion", i.platformVersion());
    node.put("agentVersion", i.agentVersion());
    node.put("ipAddress", i.ipAddress());
    node.put("lastPingTime", i.lastPingDateTime() == null ? null : i.lastPingDateTime().toString());
    node.put("resourceType", i.resourceTypeAsString());
    return node;
  }

  static List<String> row(InstanceInformation i) {
    String platform =
        i.platformName() == null || i.platformName().isEmpty()
            ? i.platformTypeAsString()
            : i.platformName() + (i.platformVersion() == null ? "" : " " + i.platformVersion());
    return List.of(
        i.instanceId(),
        orDash(i.computerName()),
        orDash(i.pingStatusAsString()),
        orDash(platform),
        orDash(i.agentVersion()),
        orDash(i.ipAddress()));
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** Columns separated by two spaces, each as wide as its widest cell. */
  private static final class Table extends InstancePrinter {
    private final CliOutput output;
    private final List<List<String>> rows = new ArrayList<>();

    Table(CliOutput output) {
      this.output = output;
    }

    @Override
    public void instance(InstanceInformation instance) {
      rows.add(row(instance));
    }

    @Override
    public void finished() {
      output.out(TextTable.render(COLUMNS, rows));
    }
  }

  private static final class Document extends InstancePrinter {
    private final CliOutput output;
    private final ObjectNode root = Json.object();
    private final ArrayNode instances = root.putArray("instances");

    Document(CliOutput output) {
      this.output = output;
    }

    @Override
    public void instance(InstanceInformation instance) {
      instances.add(json(instance));
    }

    @Override
    public void finished() {
      output.out(Json.document(root) + "\n");
    }
  }

  private static final class Lines extends InstancePrinter {
    private final CliOutput output;

    Lines(CliOutput output) {
      this.output = output;
    }

    @Override
    public void instance(InstanceInformation instance) {
      ObjectNode node = Json.object();
      node.put("type", "instance");
      output.out(Json.line(node.setAll(json(instance))) + "\n");
    }

    @Override
    public void finished() {}
  }
}
