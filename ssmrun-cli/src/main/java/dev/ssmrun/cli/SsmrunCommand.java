package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.DebugLog;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.ErrorPrinter;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "Every command that talks to SSM takes --region, --profile, --endpoint-url,"
          + " --s3-endpoint-url, --logs-endpoint-url and --local, and honours the AWS CLI's"
          + " environment variables and config files. status, output, wait and cancel act on"
          + " commands sent before (ssmrun run --no-wait prints their ids).",
      "",
      "Examples:",
      "  ssmrun run --local -- 'echo hello from $AWS_SSM_INSTANCE_ID'",
      "  ssmrun run -i i-0123456789abcdef0 -- 'uptime'",
      "  ssmrun run -t Role=web --allow-failures 10%% -- 'systemctl restart app'",
      "  ssmrun run -F -t Role=web -- ./deploy.sh",
      "  id=$(ssmrun run --no-wait --log-group /ssmrun/jobs -t Role=batch -- ./nightly.sh)",
      "  ssmrun status $id",
      "  ssmrun output $id --follow",
      "  ssmrun wait $id",
      "  ssmrun cancel $id",
      "  ssmrun instances -t Role=web --online",
      "  ssmrun emulator --instances 5",
      "  ssmrun help run",
      ""
    },
    exitCodeListHeading = "%nExit codes (ssmrun run):%n")
final class SsmrunCommand implements Callable<Integer> {
  /**
   * The subcommands by name, in the order help lists them. The names repeat each class's
   * {@code @Command} name so that starting never reads the annotations of commands it does not
   * build (a test checks that they agree).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

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

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("run", RunCommand.class);
    all.put("status", StatusCommand.class);
    all.put("output", OutputCommand.class);
    all.put("wait", WaitCommand.class);
    all.put("cancel", CancelCommand.class);
    all.put("instances", InstancesCommand.class);
    all.put("emulator", EmulatorCommand.class);
    all.put("completion", CompletionCommand.class);
    all.put("help", HelpCommand.class);
    return Collections.unmodifiableMap(all);
  }

  /** Builds the whole command line, with {@code services} injected into subcommands. */
  static CommandLine commandLine(Services services) {
    return commandLine(services, SUBCOMMANDS.keySet());
  }

  /**
   * Builds only what {@code args} can reach: the named subcommand, none for {@code --version},
   * everything for help, completion or anything else. Reflecting over every option of every
   * command is most of picocli's start-up cost.
   */
  static CommandLine commandLine(Services services, String[] args) {
    return commandLine(services, needed(args));
  }

  /** The names of the subcommands {@code args} can reach. */
  static Collection<String> needed(String[] args) {
    String first = null;
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        first = arg;
        break;
      }
    }
    if (first == null) {
      boolean onlyVersion = args.length > 0;
      for (String arg : args) {
        onlyVersion &= arg.equals("-V") || arg.equals("--version");
      }
      return onlyVersion ? List.of() : SUBCOMMANDS.keySet();
    }
    if (NEED_ALL.contains(first) || !SUBCOMMANDS.containsKey(first)) {
      return SUBCOMMANDS.keySet();
    }
    return List.of(first);
  }

  private static CommandLine commandLine(Services services, Collection<String> subcommands) {
    ServicesFactory factory = new ServicesFactory(services);
    CommandLine cmd = new CommandLine(new SsmrunCommand(), factory);
    cmd.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
    for (String name : subcommands) {
      Class<?> subcommand = SUBCOMMANDS.get(name);
      try {
        CommandLine sub = new CommandLine(factory.create(subcommand), factory);
        HelpLayout.apply(sub.getCommandSpec(), ByIdCommand.class.isAssignableFrom(subcommand));
        if (subcommand == RunCommand.class) {
          sub.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
        } else if (subcommand == WaitCommand.class) {
          sub.getCommandSpec().usageMessage().exitCodeList(ExitCodes.WAIT_HELP);
        }
        cmd.addSubcommand(name, sub);
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
