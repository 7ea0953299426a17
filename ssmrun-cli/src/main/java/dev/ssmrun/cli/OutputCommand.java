package dev.ssmrun.cli;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.OutputPrinter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ssmrun output}: the whole output of a command sent before, or its lines as they come. */
@Command(
    name = "output",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Print the output of a command sent before: the whole stdout (or --stderr) of each"
          + " instance, read from the output bucket when SSM truncated it and the command had one"
          + " (a note on standard error says when it had none). For one instance (the command ran"
          + " on one, or -i names one) its exact bytes; for several, every line prefixed by 'ID: '.",
      "An instance still running has no output yet: ssmrun says so and exits 1, unless"
          + " -F/--follow prints its lines as they arrive, until the command ends (it must have"
          + " been sent with CloudWatch output: ssmrun run --log-group or -F).",
      "",
      "Examples:",
      "  ssmrun output 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718 > report.txt",
      "  ssmrun output ID -i i-0123456789abcdef0 --stderr",
      "  ssmrun output ID --follow",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the whole output of every chosen instance was printed",
      "1:an instance has not finished: what is there was printed, the rest is not yet",
      "2:usage error",
      "130:interrupted (Ctrl-C) while following; the command goes on",
      "255:SSM could not be asked (credentials, region, access denied, endpoint unreachable),"
          + " or it does not know the command or the instance"
    })
final class OutputCommand extends ByIdCommand {
  @Mixin CommandInstances target;

  @Option(
      names = "--stderr",
      description =
          "Print standard error instead of standard output (on standard output, for pipes)."
              + " Example: --stderr")
  boolean stderr;

  @Option(
      names = {"-F", "--follow"},
      description =
          "Print the lines as they arrive, until the command ends (CloudWatch Logs, about a"
              + " second behind). Example: --follow")
  boolean follow;

  OutputCommand(Services services) {
    super(services);
  }

  @Override
  void validate() {
    check(target);
  }

  @Override
  int call(Connection conn, CliOutput out) {
    SsmRunner runner = conn.runner(true, follow);
    List<InvocationResult> chosen;
    try {
      chosen = chosen(runner.inspect(target.commandId));
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    // Without -i, instances that tag targets add later are shown too.
    OutputPrinter printer =
        new OutputPrinter(
            output.format(),
            stderr ? OutputChunk.Stream.STDERR : OutputChunk.Stream.STDOUT,
            target::chosen,
            chosen.size() == 1,
            target.commandId,
            out);
    List<InvocationResult> running =
        chosen.stream().filter(i -> i.outcome() == Outcome.UNFINISHED).toList();
    if (follow && !running.isEmpty()) {
      AttachRequest request =
          AttachRequest.builder().addCommandId(target.commandId).followOutput(true).build();
      new RunSession(runner, printer, out, "", () -> {}).attach(request);
      return ExitCodes.OK;
    }
    try (runner) {
      return printLook(chosen, running, printer);
    }
  }

  private int printLook(
      List<InvocationResult> chosen, List<InvocationResult> running, OutputPrinter printer) {
    chosen.stream().filter(i -> i.outcome() != Outcome.UNFINISHED).forEach(printer::whole);
    if (!running.isEmpty()) {
      printer.note(
          "still running on "
              + running.stream().map(InvocationResult::instanceId).collect(Collectors.joining(", "))
              + ", so there is no output yet: 'ssmrun output "
              + target.commandId
              + " --follow' prints it as it comes, 'ssmrun wait "
              + target.commandId
              + "' waits for the end");
    }
    printer.done();
    return running.isEmpty() ? ExitCodes.OK : ExitCodes.UNFINISHED;
  }

  /** The invocations asked for with -i (all by default); an id the command lacks is an error. */
  private List<InvocationResult> chosen(Progress progress) {
    if (target.instanceIds.isEmpty()) {
      return progress.invocations();
    }
    Set<String> wanted = new LinkedHashSet<>(target.instanceIds);
    List<InvocationResult> chosen =
        progress.invocations().stream().filter(i -> wanted.contains(i.instanceId())).toList();
    chosen.forEach(i -> wanted.remove(i.instanceId()));
    if (!wanted.isEmpty()) {
      String known =
          progress.invocations().stream()
              .map(InvocationResult::instanceId)
              .collect(Collectors.joining(", "));
      throw new CliException(
          CliError.notFound(
              "instance_not_in_command",
              "SSM lists no invocation of "
                  + target.commandId
                  + " on "
                  + String.join(", ", wanted)
                  + (known.isEmpty() ? " (nor on any instance yet)" : "; it has: " + known)));
    }
    return chosen;
  }
}
