package dev.ssmrun.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One command id and, with {@code -i}, some of its instances: what output and cancel act on. */
final class CommandInstances {
  @Parameters(
      index = "0",
      paramLabel = "COMMAND_ID",
      description = "The command id (36 characters). Example: 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718")
  String commandId;

  @Option(
      names = {"-i", "--instance-id"},
      paramLabel = "ID",
      split = ",",
      description =
          "Only these instances of the command (repeatable or comma-separated; default: all)."
              + " Example: -i i-0123456789abcdef0")
  List<String> instanceIds = new ArrayList<>();

  /** True if {@code instanceId} is one of those chosen (all when -i was not given). */
  boolean chosen(String instanceId) {
    return instanceIds.isEmpty() || instanceIds.contains(instanceId);
  }
}
