package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.RunRequest;
import dev.ssmrun.StagingExitCodes;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.cli.connect.ConnectionOptions;
import dev.ssmrun.cli.connect.EmulatorSettings;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.Durations;
import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.internal.run.EngineSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HelpTest {
  @Test
  void topLevelHelp_listsSubcommandsExamplesAndExitCodes() {
    CliRun run = CliRun.of(new RefusingServices(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "run",
            "status",
            "output",
            "wait",
            "cancel",
            "instances",
            "emulator",
            "completion",
            "help",
            "Examples:",
            "ssmrun run --local",
            "Exit codes",
            "124",
            "130",
            "255");
  }

  @Test
  void runHelp_explainsEveryOptionWithExamples() {
    CliRun run = CliRun.of(new RefusingServices(), "run", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--instance-id",
            "--target",
            "--local",
            "--local-instances",
            "--local-faults",
            "--region",
            "--profile",
            "--endpoint-url",
            "--timeout",
            "--delivery-timeout",
            "--wait-timeout",
            "--allow-failures",
            "--fail-fast",
            "--env",
            "--workdir",
            "--comment",
            "--max-concurrency",
            "--max-errors",
            "--no-wait",
            "--quiet",
            "--output",
            "--no-color",
            "--debug",
            "--s3-endpoint-url",
            "--logs-endpoint-url",
            "--follow",
            "--log-group",
            "Exit codes:",
            "255",
            "Examples:");
    assertThat(run.out().split("Example", -1).length).isGreaterThan(10);
  }

  @Test
  void everyOptionOfEveryCommand_hasAnExample_andHelpRendersWithoutWarnings() {
    picocli.CommandLine root = SsmrunCommand.commandLine(new RefusingServices());
    for (picocli.CommandLine sub : root.getSubcommands().values()) {
      for (picocli.CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        assertThat(String.join(" ", option.description()))
            .as("%s %s", sub.getCommandName(), option.longestName())
            .contains("Example");
      }
      CliRun help = CliRun.of(new RefusingServices(), sub.getCommandName(), "--help");
      assertThat(help.err()).isEmpty();
    }
  }

  @Test
  void waitHelp_sameExitCodeRule_butCtrlCLeavesTheCommandRunning() {
    CliRun run = CliRun.of(new RefusingServices(), "help", "wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("Usage: ssmrun wait", "--allow-failures", "--wait-timeout", "--follow", "--quiet")
        .contains("the policy was broken and every failed instance exited N")
        .contains("130 interrupted (Ctrl-C): ssmrun stopped waiting; the command goes on")
        .contains("124 --wait-timeout passed; what still ran was cancelled");
  }

  @Test
  void byIdHelp_eachCommandSaysWhatItDoesAndItsExitCodes() {
    for (String command : List.of("status", "output", "cancel")) {
      CliRun run = CliRun.of(new RefusingServices(), command, "--help");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("Usage: ssmrun " + command, "COMMAND_ID", "Exit codes:", "255");
    }
    assertThat(CliRun.of(new RefusingServices(), "output", "--help").out())
        .contains("--stderr", "--follow", "--instance-id");
    assertThat(CliRun.of(new RefusingServices(), "cancel", "--help").out().replaceAll("\\s+", " "))
        .contains("wait up to " + CancelCommand.SETTLE.toSeconds() + "s");
  }

  @Test
  void logsEndpoint_onlyInTheHelpOfCommandsThatFollow() {
    for (String command : List.of("run", "wait", "output")) {
      assertThat(CliRun.of(new RefusingServices(), command, "--help").out())
          .as(command)
          .contains("--logs-endpoint-url");
    }
    for (String command : List.of("status", "cancel", "instances")) {
      assertThat(CliRun.of(new RefusingServices(), command, "--help").out())
          .as(command)
          .doesNotContain("--logs-endpoint-url");
    }
  }

  @Test
  void emulatorHelp_documentsFaultSpec() {
    CliRun run = CliRun.of(new RefusingServices(), "emulator", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--port",
            "--instances",
            "--tag",
            "--faults",
            "throttle=P",
            "lose=P",
            "latency=D",
            "crash=P",
            "offline=P",
            "seed=N",
            "SendCommand:lose=0.1");
  }

  @Test
  void helpCommand_showsTheSubcommandsHelp() {
    CliRun run = CliRun.of(new RefusingServices(), "help", "instances");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: ssmrun instances", "--online", "ComputerName");
  }

  @Test
  void runHelp_quotedTimeoutDefaults_areTheLibrarysDefaults() {
    RunRequest defaults =
        RunRequest.builder().script("true").addInstanceId("i-0123456789abcdef0").build();

    CliRun run = CliRun.of(new RefusingServices(), "run", "--help");

    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("default " + Durations.human(defaults.timeouts().execution()) + ")")
        .contains("default " + Durations.human(defaults.timeouts().delivery()) + ")");
  }

  @Test
  void runHelp_maxErrorsDefault_followsTheFailurePolicy_asTheLibrarySendsIt() {
    CliRun run = CliRun.of(new RefusingServices(), "run", "--help");

    // MaxErrorsTest and FleetRulesIT hold the library to this.
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("(default: what --allow-failures allows, so that SSM stops only once the policy")
        .doesNotContain("(default 0)");
  }

  @Test
  void runHelp_stagingDefaults_areTheLibrarysAndTheCommandLines() {
    String help = CliRun.of(new RefusingServices(), "run", "--help").out().replaceAll("\\s+", " ");

    assertThat(help)
        .contains(
            "--staging-bucket",
            "--staging-prefix",
            "--stage",
            "--keep-staged",
            "--secret-env",
            "--secret-env-file",
            "--input",
            "--results-dir")
        .contains("else '" + StagingLocation.DEFAULT_PREFIX + "')")
        .contains("Default: " + StageOptions.BUCKET_VARIABLE)
        .contains("with --local, '" + StageOptions.LOCAL_BUCKET + "' in the embedded S3")
        .contains(
            String.format(
                "staged anyway above %,d bytes", EngineSettings.StagingSettings.DEFAULT_THRESHOLD))
        .contains("--env values are stored in SSM's command history");
  }

  @Test
  void runHelp_exitCodes_listTheBootstrapsCodes() {
    String help = CliRun.of(new RefusingServices(), "run", "--help").out().replaceAll("\\s+", " ");

    assertThat(help)
        .contains(StagingExitCodes.DOWNLOAD_FAILED + "-" + StagingExitCodes.NOT_PREPARED + " ")
        .contains(StagingExitCodes.DOWNLOAD_FAILED + " download failed")
        .contains(StagingExitCodes.CHECKSUM_MISMATCH + " a staged object changed after upload")
        .contains(StagingExitCodes.NO_CHECKSUM_TOOL + " no SHA-256 tool")
        .contains(StagingExitCodes.RESULT_UPLOAD_FAILED + " the result could not be uploaded")
        .contains(StagingExitCodes.NOT_PREPARED + " an instance that matched the tags only");
  }

  @Test
  void localInstancesDefault_isWhatHelpSays() {
    AtomicReference<EmulatorSettings> started = new AtomicReference<>();
    Services recording =
        new RefusingServices() {
          @Override
          public SsmEmulator startEmulator(EmulatorSettings settings) {
            started.set(settings);
            throw new IllegalStateException("stop here");
          }
        };

    CliRun help = CliRun.of(new RefusingServices(), "run", "--help");
    CliRun.of(recording, "run", "--local", "--", "true");

    assertThat(help.out()).contains("(default: " + ConnectionOptions.DEFAULT_LOCAL_INSTANCES + ")");
    assertThat(started.get().instances()).isEqualTo(ConnectionOptions.DEFAULT_LOCAL_INSTANCES);
  }
}
