package dev.ssmrun.cli;

/** Entry point of the {@code ssmrun} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(SsmrunCommand.commandLine(new DefaultServices()).execute(args));
  }
}
