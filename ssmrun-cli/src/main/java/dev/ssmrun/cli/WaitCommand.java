package dev.ssmrun.cli;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.RunPrinter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ssmrun wait}: watch commands sent before to the end, print and exit as run does. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Wait for commands sent before (by ssmrun run --no-wait, the console, the AWS CLI...) with"
          + " the same frugal schedule as ssmrun run, print each instance as it finishes (those"
          + " already finished first) in the same layout, and exit by the same rule.",
      "Ctrl-C stops waiting and leaves the commands running ('ssmrun cancel' stops them);"
          + " --wait-timeout, as in ssmrun run, cancels what still runs when it passes.",
      "-F/--follow needs a command sent with CloudWatch output (ssmrun run --log-group, or -F"
          + " itself); otherwise a warning says so and the output comes as each instance ends.",
      "",
      "Examples:",
      "  ssmrun wait 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718",
      "  ids=$(ssmrun run --no-wait -t Role=web -- ./deploy.sh); ssmrun wait $ids",
      "  ssmrun wait --allow-failures 10%% --wait-timeout 30m ID",
      "  ssmrun wait -F ID",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n")
final class WaitCommand extends ByIdCommand {
  @Parameters(
      paramLabel = "COMMAND_ID",
      arity = "1..*",
      description =
          "Command ids (36 characters); several are watched and judged as one run. Example:"
              + " 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718")
  List<String> commandIds = new ArrayList<>();

  @Mixin WatchOptions watch;

  WaitCommand(Services services) {
    super(services);
  }

  @Override
  boolean statusLine() {
    return !watch.quiet;
  }

  @Override
  void validate() {
    checkCommandIds(commandIds);
    watch.validate(output.format());
  }

  @Override
  int call(Connection conn, CliOutput out) {
    AttachRequest.Builder request = AttachRequest.builder().followOutput(watch.follow);
    commandIds.forEach(request::addCommandId);
    if (watch.failurePolicy != null) {
      request.failurePolicy(watch.failurePolicy);
    }
    if (watch.waitTimeout != null) {
      request.waitTimeout(watch.waitTimeout);
    }
    RunPrinter printer = RunPrinter.of(output.format(), watch.quiet, watch.follow, out);
    RunSession session =
        new RunSession(conn.runner(true, watch.follow), printer, out, watch.policy(), () -> {});
    return session.attach(request.build()).exitCode();
  }
}
