package dev.ssmrun.cli;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import dev.ssmrun.RunInterruptedException;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.StatusPrinter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** {@code ssmrun cancel}: cancel a command sent before, wait for it to show, report. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Cancel a command sent before, on every instance or only on those named with -i (SSM"
          + " CancelCommand: the agent kills the script's whole process group), wait up to 10s"
          + " for SSM to show it, then print the instances as 'ssmrun status' does.",
      "Instances that had already finished keep their result.",
      "",
      "Examples:",
      "  ssmrun cancel 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718",
      "  ssmrun cancel ID -i i-0123456789abcdef0,i-0fedcba9876543210",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every chosen instance has ended (cancelled, or finished before)",
      "1:the cancel was sent, but SSM still shows an instance running after 10s",
      "2:usage error: nothing was cancelled",
      "255:SSM could not be asked (credentials, region, access denied, endpoint unreachable),"
          + " or it does not know the command or an instance of it"
    })
final class CancelCommand extends ByIdCommand {
  /** How long the cancellation may take to show before ssmrun reports what it sees. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

  /** CancelCommand takes at most this many instance ids. */
  private static final int IDS_PER_CALL = 50;

  @Mixin CommandInstances target;

  CancelCommand(Services services) {
    super(services);
  }

  @Override
  void validate() {
    check(target);
  }

  @Override
  int call(Connection conn, CliOutput out) {
    sendCancel(conn.ssm());
    try (SsmRunner runner = conn.runner(true, false)) {
      Progress chosen = awaitEnded(runner);
      StatusPrinter.print(output.format(), chosen, services.clock().instant(), out);
      if (chosen.runningCount() == 0) {
        return ExitCodes.OK;
      }
      out.errLine(
          "ssmrun: the cancel was sent, but after "
              + SETTLE.toSeconds()
              + "s SSM still shows "
              + running(chosen)
              + " running: see 'ssmrun status "
              + target.commandId
              + "'");
      return ExitCodes.UNFINISHED;
    }
  }

  /** CancelCommand for the whole command, or for the chosen instances 50 at a time. */
  private void sendCancel(SsmClient ssm) {
    try {
      if (target.instanceIds.isEmpty()) {
        ssm.cancelCommand(r -> r.commandId(target.commandId));
        return;
      }
      for (int from = 0; from < target.instanceIds.size(); from += IDS_PER_CALL) {
        List<String> ids =
            target.instanceIds.subList(
                from, Math.min(from + IDS_PER_CALL, target.instanceIds.size()));
        ssm.cancelCommand(r -> r.commandId(target.commandId).instanceIds(ids));
      }
    } catch (SsmException e) {
      if (e.awsErrorDetails() == null
          || !"InvalidCommandId".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
      throw new CliException(
          CliError.notFound(
              "command_not_found",
              "SSM does not know command "
                  + target.commandId
                  + ": check the command id, and the region and endpoint (--region,"
                  + " --endpoint-url)"),
          e);
    }
  }

  /** Looks until every chosen invocation ended, for up to {@link #SETTLE}. */
  private Progress awaitEnded(SsmRunner runner) {
    Instant deadline = services.clock().instant().plus(SETTLE);
    Duration pause = FIRST_PAUSE;
    Progress chosen = chosen(runner.inspect(target.commandId));
    while (chosen.runningCount() > 0 && services.clock().instant().isBefore(deadline)) {
      try {
        services.sleeper().sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunInterruptedException("interrupted while waiting for the cancel to show", e);
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
      chosen = chosen(runner.inspect(target.commandId));
    }
    return chosen;
  }

  private Progress chosen(Progress all) {
    List<InvocationResult> chosen =
        all.invocations().stream().filter(i -> target.chosen(i.instanceId())).toList();
    return Progress.of(all.commandIds(), chosen, false);
  }

  private static String running(Progress progress) {
    return progress.invocations().stream()
        .filter(i -> i.outcome() == Outcome.UNFINISHED)
        .map(i -> i.instanceId() + " " + i.status())
        .collect(Collectors.joining(", "));
  }
}
