package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.DefaultServices;
import dev.ssmrun.cli.print.ByteWriter;
import picocli.CommandLine;

/** Entry point of the {@code ssmrun} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    CommandLine cmd = SsmrunCommand.commandLine(new DefaultServices(), args);
    // Text is UTF-8 whatever the locale; instance output read from S3 is written byte for byte.
    cmd.setOut(ByteWriter.on(System.out));
    cmd.setErr(ByteWriter.on(System.err));
    System.exit(cmd.execute(args));
  }
}
