package dev.ssmrun.cli;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.InvalidRequestException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.ConnectionOptions;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.OutputOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command about commands already sent, by id ({@code status}, {@code output}, {@code wait},
 * {@code cancel}): bad input and {@code --local} (whose emulator starts empty) are refused before
 * anything starts, then the connection is opened, used and closed.
 */
abstract class ByIdCommand implements Callable<Integer>, ErrorContext.Source {
  final Services services;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin OutputOptions output;

  ByIdCommand(Services services) {
    this.services = services;
  }

  /** Refuses bad input, before anything starts. */
  abstract void validate();

  /** Does the work; the connection is closed afterwards. Returns the exit code. */
  abstract int call(Connection conn, CliOutput out);

  /** True if the command wants the live status line on a terminal. */
  boolean statusLine() {
    return false;
  }

  @Override
  public final Integer call() {
    connection.validate();
    connection.refuseLocal(spec.name());
    validate();
    CliOutput out =
        output.output(
            spec.commandLine().getOut(), spec.commandLine().getErr(), services, statusLine());
    try (Connection conn = Connection.open(connection, services, output.debugLog(out))) {
      return call(conn, out);
    }
  }

  @Override
  public ErrorContext errorContext() {
    return ErrorContext.of(connection, output, services);
  }

  /** Checks each id the library's way (36 characters); a bad one is a usage error. */
  void checkCommandIds(List<String> ids) {
    try {
      AttachRequest.Builder request = AttachRequest.builder();
      ids.forEach(request::addCommandId);
    } catch (InvalidRequestException e) {
      throw usage(e.getMessage());
    }
  }

  /** Checks a command id and its instances given with -i. */
  void check(CommandInstances target) {
    checkCommandIds(List.of(target.commandId));
    checkInstanceIds(target.instanceIds);
  }

  /** Checks each instance id the library's way; a bad one is a usage error. */
  private void checkInstanceIds(List<String> ids) {
    try {
      var unused = RunRequest.builder().instanceIds(ids);
    } catch (InvalidRequestException e) {
      throw usage(e.getMessage());
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
