package dev.ssmrun.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The top-level {@code ssmrun} command; its subcommands do the work. */
@Command(
    name = "ssmrun",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Run commands on EC2 instances and other SSM-managed nodes through AWS Systems Manager Run"
          + " Command: send, watch, and report each instance's exit code, stdout and stderr.",
      "Every command takes --region, --profile, --endpoint-url, --s3-endpoint-url and --local,"
          + " and honours the AWS CLI's environment variables and config files.",
      "",
      "Examples:",
      "  ssmrun run --local -- 'echo hello from $AWS_SSM_INSTANCE_ID'",
      "  ssmrun run -i i-0123456789abcdef0 -- 'uptime'",
      "  ssmrun run -t Role=web --allow-failures 10%% -- 'systemctl restart app'",
      "  ssmrun instances -t Role=web --online",
      "  ssmrun emulator --instances 5",
      "  ssmrun help run",
      ""
    },
    exitCodeListHeading = "%nExit codes (ssmrun run):%n")
final class SsmrunCommand implements Callable<Integer> {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RunCommand.class,
          InstancesCommand.class,
          EmulatorCommand.class,
          CompletionCommand.class,
          HelpCommand.class);

  /** Commands that need the whole command tree (help pages, completion). */
  private static final Set<String> NEED_ALL = Set.of("help", "completion");

  @Spec CommandSpec spec;

  /** {@code ssmrun} alone: the usage on standard error, as a usage error. */
  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    cmd.usage(cmd.getErr());
    return ExitCodes.USAGE;
  }

  /** Builds the whole command line, with {@code services} injected into subcommands. */
  static CommandLine commandLine(Services services) {
    return commandLine(services, SUBCOMMANDS);
  }

  /**
   * Builds only what {@code args} can reach: the named subcommand, none for {@code --version},
   * everything for help, completion or anything else. Reflecting over every option of every
   * command is most of picocli's start-up cost.
   */
  static CommandLine commandLine(Services services, String[] args) {
    return commandLine(services, needed(args));
  }

  static List<Class<?>> needed(String[] args) {
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    if (first == null) {
      boolean onlyVersion =
          args.length > 0
              && Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"));
      return onlyVersion ? List.of() : SUBCOMMANDS;
    }
    if (NEED_ALL.contains(first)) {
      return SUBCOMMANDS;
    }
    List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> name(c).equals(first)).toList();
    return named.isEmpty() ? SUBCOMMANDS : named;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  private static CommandLine commandLine(Services services, List<Class<?>> subcommands) {
    ServicesFactory factory = new ServicesFactory(services);
    CommandLine cmd = new CommandLine(new SsmrunCommand(), factory);
    cmd.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
    for (Class<?> subcommand : subcommands) {
      try {
        CommandLine sub = new CommandLine(factory.create(subcommand), factory);
        if (subcommand == RunCommand.class) {
          sub.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
        }
        cmd.addSubcommand(name(subcommand), sub);
      } catch (Exception e) {
        throw new IllegalStateException("cannot create " + subcommand, e);
      }
    }
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(new ShortUsageErrors());
    cmd.setExecutionExceptionHandler(new Errors());
    return cmd;
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
      err.flush();
      if (cmd.getCommand() instanceof ErrorContext.Source source) {
        ErrorPrinter.json(
            CliError.usage(ex.getMessage()), source.errorContext().format(), cmd.getOut());
      }
      return ExitCodes.USAGE;
    }
  }

  /** Any other failure: in the caller's words, as JSON too in JSON modes, in full with --debug. */
  private static final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
      if (ex instanceof ParameterException usage) {
        return new ShortUsageErrors().handleParseException(usage, new String[0]);
      }
      ErrorContext context =
          cmd.getCommand() instanceof ErrorContext.Source source ? source.errorContext() : null;
      CliError error = CliError.of(ex, context == null ? "SSM" : context.where());
      PrintWriter err = cmd.getErr();
      if (context != null && context.debug()) {
        new DebugLog(err::println).error(ex);
      }
      err.println("ssmrun: error: " + error.message());
      err.flush();
      if (context != null) {
        ErrorPrinter.json(error, context.format(), cmd.getOut());
      }
      return error.exitCode();
    }
  }
}
