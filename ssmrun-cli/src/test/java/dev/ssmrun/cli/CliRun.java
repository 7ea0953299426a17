package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(Services services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = SsmrunCommand.commandLine(services);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
