package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.ConnectionOptions;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.convert.KeyValue;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.InstancePrinter;
import dev.ssmrun.cli.print.OutputFormat;
import dev.ssmrun.cli.print.OutputOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;

/** {@code ssmrun instances}: the managed instances SSM knows, as a table or JSON. */
@Command(
    name = "instances",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "List the instances SSM manages (DescribeInstanceInformation, every page): instance id,"
          + " name, ping status, platform, agent version and IP address.",
      "NAME is the instance's ComputerName (its host name): DescribeInstanceInformation does"
          + " not return tags, so it is not the Name tag.",
      "",
      "Examples:",
      "  ssmrun instances",
      "  ssmrun instances -t Role=web --online",
      "  ssmrun instances -t Env=prod,staging -o jsonl | jq -r .instanceId",
      "  ssmrun instances --local",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed (also when no instance matched: the table is empty)",
      "2:usage error",
      "255:SSM could not be asked (credentials, region, access denied, endpoint unreachable)"
    })
final class InstancesCommand implements Callable<Integer>, ErrorContext.Source {
  private final Services services;

  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "KEY=VALUE[,VALUE...]",
      description =
          "Only instances with this tag and one of the values (repeatable: all must match)."
              + " Example: -t Role=web,api")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--online",
      description = "Only instances whose agent is online (ping status Online). Example: --online")
  boolean online;

  @Mixin ConnectionOptions connection;

  @Mixin OutputOptions output;

  InstancesCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    connection.validate();
    List<InstanceInformationStringFilter> filters = filters();
    CliOutput out =
        output.output(spec.commandLine().getOut(), spec.commandLine().getErr(), services, false);
    InstancePrinter printer = InstancePrinter.of(output.format(), out);
    try (Connection conn = Connection.open(connection, services, output.debugLog(out))) {
      var pages =
          conn.ssm().describeInstanceInformationPaginator(r -> r.filters(filters).maxResults(50));
      int count = 0;
      for (InstanceInformation instance : pages.instanceInformationList()) {
        printer.instance(instance);
        count++;
      }
      printer.finished();
      if (count == 0 && output.format() == OutputFormat.TEXT) {
        out.errLine("ssmrun: no managed instance matched");
      }
      return ExitCodes.OK;
    }
  }

  private List<InstanceInformationStringFilter> filters() {
    List<InstanceInformationStringFilter> filters = new ArrayList<>();
    for (String tag : tags) {
      KeyValue kv;
      try {
        kv = KeyValue.parse(tag, "Role=web");
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, tag);
      }
      if (kv.values().isEmpty()) {
        throw new ParameterException(spec.commandLine(), "-t " + tag + ": give at least one value");
      }
      filters.add(filter("tag:" + kv.key(), kv.values()));
    }
    if (online) {
      filters.add(filter("PingStatus", List.of("Online")));
    }
    return filters;
  }

  private static InstanceInformationStringFilter filter(String key, List<String> values) {
    return InstanceInformationStringFilter.builder().key(key).values(values).build();
  }

  @Override
  public ErrorContext errorContext() {
    return ErrorContext.of(connection, output, services);
  }
}
