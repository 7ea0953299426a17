package dev.ssmrun.cli;

import dev.ssmrun.PreflightException;
import dev.ssmrun.SsmRunException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** The top-level {@code ssmrun} command; its subcommands do the work. */
@Command(
    name = "ssmrun",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {RunCommand.class, EmulatorCommand.class},
    description = {
      "Run commands on EC2 instances and other SSM-managed nodes through AWS Systems Manager Run"
          + " Command: send, wait, and report each instance's exit code, stdout and stderr.",
      "",
      "Examples:",
      "  ssmrun run --local -- 'echo hello from $AWS_SSM_INSTANCE_ID'",
      "  ssmrun run -i i-0123456789abcdef0 -- 'uptime'",
      "  ssmrun run -t Role=web --allow-failures 10%% -- 'systemctl restart app'",
      "  ssmrun emulator --instances 5",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (or failures within --allow-failures)",
      "1:the command failed, or instances disagreed and the policy was broken",
      "2:usage error: nothing was sent",
      "N:the remote exit code, when every instance returned the same one",
      "124:--wait-timeout passed; what still ran was cancelled",
      "130:interrupted (Ctrl-C); what still ran was cancelled"
    })
final class SsmrunCommand {
  /** Exit code for usage errors (picocli's default). */
  static final int USAGE = 2;

  /** Exit code for a general failure. */
  static final int FAILURE = 1;

  /** Builds the configured command line, with {@code services} injected into subcommands. */
  static CommandLine commandLine(Services services) {
    CommandLine cmd = new CommandLine(new SsmrunCommand(), new ServicesFactory(services));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(new ShortUsageErrors());
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ParameterException pe) {
            return new ShortUsageErrors().handleParseException(pe, new String[0]);
          }
          commandLine.getErr().println("ssmrun: error: " + describe(ex));
          return FAILURE;
        });
    return cmd;
  }

  private static String describe(Exception ex) {
    if (ex instanceof PreflightException) {
      return ex.getMessage()
          + "\n(ssmrun run: --wait-online DURATION waits for them; --no-preflight skips the check;"
          + " --document picks SHELL, POWERSHELL or AUTO)";
    }
    if (ex instanceof SsmRunException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    String hint = AwsSetupHints.forException(ex);
    if (hint != null) {
      return hint;
    }
    String message = ex.getMessage();
    return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** One line saying what is wrong, then where to read more: no wall of usage text. */
  private static final class ShortUsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("ssmrun: " + ex.getMessage());
      err.println(
          "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return USAGE;
    }
  }
}
