package dev.ssmrun.cli;

import dev.ssmrun.Progress;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.StatusPrinter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ssmrun status}: where commands sent before stand, one line per instance. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show where commands sent before (by ssmrun run --no-wait, the console, the AWS CLI...)"
          + " stand: one line per instance with its id, name, SSM status and details, exit code and"
          + " elapsed time (so far, for those still running), then the counts on standard error.",
      "It looks once and neither waits nor changes anything: 'ssmrun wait' waits, 'ssmrun"
          + " output' prints the output, 'ssmrun cancel' cancels.",
      "",
      "Examples:",
      "  ssmrun status 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718",
      "  ssmrun status $(ssmrun run --no-wait -t Role=web -- ./nightly.sh)",
      "  ssmrun status -o jsonl ID | jq -r 'select(.type==\"invocation\") | .instanceId+\" \"+.status'",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:looked (whatever the instances' statuses)",
      "2:usage error",
      "255:SSM could not be asked (credentials, region, access denied, endpoint unreachable) or"
          + " does not know the command"
    })
final class StatusCommand extends ByIdCommand {
  @Parameters(
      paramLabel = "COMMAND_ID",
      arity = "1..*",
      description =
          "Command ids (36 characters), e.g. as 'ssmrun run --no-wait' prints them; several are"
              + " shown as one table. Example: 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718")
  List<String> commandIds = new ArrayList<>();

  StatusCommand(Services services) {
    super(services);
  }

  @Override
  void validate() {
    checkCommandIds(commandIds);
  }

  @Override
  int call(Connection conn, CliOutput out) {
    try (SsmRunner runner = conn.runner(true, false)) {
      Progress progress = runner.inspect(commandIds.toArray(String[]::new));
      StatusPrinter.print(output.format(), progress, services.clock().instant(), out);
      return ExitCodes.OK;
    }
  }
}
