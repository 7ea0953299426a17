package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.DefaultServices;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code ssmrun} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    CommandLine cmd = SsmrunCommand.commandLine(new DefaultServices(), args);
    // Output is UTF-8 whatever the locale, so that instance output arrives byte for byte.
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(cmd.execute(args));
  }
}
