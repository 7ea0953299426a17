package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.Document;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.RunRequest;
import dev.ssmrun.ScriptInput;
import dev.ssmrun.StagingLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RequestMapperTest {
  private static RunCommand parse(String... args) {
    RunCommand command = new RunCommand(new RefusingServices());
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command;
  }

  @Test
  void toRunRequest_everyOption_mapsOntoTheRequest() {
    RunCommand command =
        parse(
            "-t",
            "Role=web,api",
            "--env",
            "V=1.2",
            "--workdir",
            "/opt",
            "--timeout",
            "10m",
            "--delivery-timeout",
            "2m",
            "--wait-timeout",
            "15m",
            "--allow-failures",
            "10%",
            "--fail-fast",
            "--comment",
            "deploy",
            "--max-concurrency",
            "5",
            "--max-errors",
            "1",
            "--output-s3-bucket",
            "bkt",
            "--output-s3-prefix",
            "p",
            "--document",
            "powershell",
            "--no-strict",
            "--wait-online",
            "1m",
            "--follow",
            "--log-group",
            "/ssmrun/deploys",
            "--",
            "Get-Date");

    RunRequest request = command.toRunRequest("Get-Date", List.of(), null, Map.of());

    assertThat(request.payload().script()).contains("Get-Date");
    assertThat(request.targets().instanceIds()).isEmpty();
    assertThat(request.targets().tags()).containsEntry("Role", List.of("web", "api"));
    assertThat(request.payload().environment()).isEqualTo(Map.of("V", "1.2"));
    assertThat(request.payload().workingDirectory()).contains("/opt");
    assertThat(request.timeouts().execution()).isEqualTo(Duration.ofMinutes(10));
    assertThat(request.timeouts().delivery()).isEqualTo(Duration.ofMinutes(2));
    assertThat(request.timeouts().waitTimeout()).contains(Duration.ofMinutes(15));
    assertThat(request.failurePolicy()).isEqualTo(FailurePolicy.fraction(0.1));
    assertThat(request.failFast()).isTrue();
    assertThat(request.comment()).contains("deploy");
    assertThat(request.maxConcurrency()).contains("5");
    assertThat(request.maxErrors()).contains("1");
    assertThat(request.output().s3Bucket()).contains("bkt");
    assertThat(request.output().s3Prefix()).isEqualTo("p");
    assertThat(request.payload().document()).isEqualTo(Document.POWERSHELL);
    assertThat(request.payload().strictMode()).isFalse();
    assertThat(request.preflight()).isTrue();
    assertThat(request.waitForOnline()).isEqualTo(Duration.ofMinutes(1));
    assertThat(request.output().follow()).isTrue();
    assertThat(request.output().cloudWatchLogGroup()).contains("/ssmrun/deploys");
  }

  @Test
  void toRunRequest_defaults_waitUntilSsmsOwnTimeoutsPlusAMargin_noLiveOutput() {
    RunRequest request =
        parse("-i", "i-0123456789abcdef0", "--", "true")
            .toRunRequest("true", List.of(), null, Map.of());

    assertThat(request.timeouts().waitTimeout()).isEmpty();
    assertThat(request.timeouts().effectiveWait())
        .isEqualTo(
            request
                .timeouts()
                .delivery()
                .plus(request.timeouts().execution())
                .plus(dev.ssmrun.Timeouts.DEFAULT_WAIT_MARGIN));
    assertThat(request.output().follow()).isFalse();
    assertThat(request.output().cloudWatch()).isFalse();
  }

  @Test
  void toRunRequest_localWithoutTargets_targetsEveryLocalInstance() {
    RunCommand command = parse("--local", "--", "uptime");

    RunRequest request =
        command.toRunRequest(
            "uptime", List.of("i-0000000000000000a", "i-0000000000000000b"), null, Map.of());

    assertThat(request.targets().instanceIds())
        .containsExactly("i-0000000000000000a", "i-0000000000000000b");
    assertThat(request.payload().strictMode()).isTrue();
  }

  @Test
  void toRunRequest_severalWords_becomeOneSafelyQuotedCommand() {
    RunCommand command = parse("-i", "i-0123456789abcdef0", "--", "echo", "a b", "$HOME");

    RunRequest request = command.toRunRequest(null, List.of(), null, Map.of());

    assertThat(request.payload().script()).isEmpty();
    assertThat(request.payload().command()).containsExactly("echo", "a b", "$HOME");
  }

  @Test
  void toRunRequest_commaSeparatedIds_areSeveralTargets() {
    RunCommand command =
        parse(
            "-i",
            "i-0123456789abcdef0,i-0fedcba9876543210",
            "-i",
            "i-0aaaaaaaaaaaaaaaa",
            "--",
            "ls");

    RunRequest request = command.toRunRequest("ls", List.of(), null, Map.of());

    assertThat(request.targets().instanceIds())
        .containsExactly("i-0123456789abcdef0", "i-0fedcba9876543210", "i-0aaaaaaaaaaaaaaaa");
  }

  @Test
  void toRunRequest_awsCliTargetSyntax_isAccepted() {
    RunCommand command =
        parse(
            "-t",
            "Key=tag:Role,Values=web,api",
            "-t",
            "key=InstanceIds,values=i-0123456789abcdef0",
            "--",
            "ls");

    RunRequest request = command.toRunRequest("ls", List.of(), null, Map.of());

    assertThat(request.targets().tags())
        .containsEntry("tag:Role", List.of("web", "api"))
        .containsEntry("InstanceIds", List.of("i-0123456789abcdef0"));
  }

  @Test
  void toRunRequest_fileWithWordsAfterDashDash_wordsAreTheScriptsArguments() {
    RunCommand command =
        parse("-i", "i-0123456789abcdef0", "-f", "job.py", "--", "a", "b c", "$HOME");

    RunRequest request = command.toRunRequest("print(1)", List.of(), null, Map.of());

    assertThat(request.payload().script()).contains("print(1)");
    assertThat(request.payload().arguments()).containsExactly("a", "b c", "$HOME");
    assertThat(request.payload().command()).isEmpty();
  }

  @Test
  void toRunRequest_stagingOptions_mapOntoTheRequest() throws Exception {
    Path dir = Files.createTempDirectory("mapper");
    Path input = Files.writeString(dir.resolve("in.json"), "{}");
    RunCommand command =
        parse(
            "-i",
            "i-0123456789abcdef0",
            "--staging-bucket",
            "my-staging",
            "--staging-prefix",
            "ci",
            "--stage",
            "--keep-staged",
            "--input",
            input.toString(),
            "--results-dir",
            dir.resolve("out").toString(),
            "--",
            "true");
    StagingLocation location = command.stage.location(Map.of(), false).orElseThrow();

    RunRequest request =
        command.toRunRequest("true", List.of(), location, Map.of("TOKEN", "s3cr3t"));

    assertThat(location).isEqualTo(StagingLocation.of("my-staging", "ci/"));
    assertThat(request.staging().location()).contains(location);
    assertThat(request.staging().forced()).isTrue();
    assertThat(request.staging().keepObjects()).isTrue();
    assertThat(request.staging().input()).contains(ScriptInput.ofFile(input));
    assertThat(request.staging().collectResults()).isTrue();
    assertThat(request.output().sink()).isPresent();
    assertThat(request.payload().secretEnvironment()).isEqualTo(Map.of("TOKEN", "s3cr3t"));
    assertThat(RunCommand.usesS3(request)).isTrue();
  }

  @Test
  void toRunRequest_resultsDirWithoutInput_collectsResults_noneByDefault() {
    RunCommand collecting =
        parse(
            "-i",
            "i-0123456789abcdef0",
            "--staging-bucket",
            "b1b",
            "--results-dir",
            "o",
            "--",
            "x");
    RunCommand plain = parse("-i", "i-0123456789abcdef0", "--", "x");

    RunRequest staged =
        collecting.toRunRequest("x", List.of(), StagingLocation.of("b1b"), Map.of());
    RunRequest inline = plain.toRunRequest("x", List.of(), null, Map.of());

    assertThat(staged.staging().collectResults()).isTrue();
    assertThat(staged.staging().input()).isEmpty();
    assertThat(inline.staging().collectResults()).isFalse();
    assertThat(inline.staging().location()).isEmpty();
    assertThat(inline.staging().forced()).isFalse();
    assertThat(inline.staging().keepObjects()).isFalse();
    assertThat(RunCommand.usesS3(inline)).isFalse();
  }

  @Test
  void stagingLocation_optionThenEnvironmentThenLocal_defaultPrefixIsTheLibrarys() {
    RunCommand none = parse("-i", "i-0123456789abcdef0", "--", "x");
    RunCommand given = parse("--staging-bucket", "from-option", "--", "x");
    Map<String, String> env =
        Map.of(StageOptions.BUCKET_VARIABLE, "from-env", StageOptions.PREFIX_VARIABLE, "env/");

    assertThat(none.stage.location(Map.of(), false)).isEmpty();
    assertThat(none.stage.location(Map.of(), true))
        .contains(StagingLocation.of(StageOptions.LOCAL_BUCKET));
    assertThat(none.stage.location(Map.of(), true).orElseThrow().prefix())
        .isEqualTo(StagingLocation.DEFAULT_PREFIX);
    assertThat(none.stage.location(env, true)).contains(StagingLocation.of("from-env", "env/"));
    assertThat(given.stage.location(env, true)).contains(StagingLocation.of("from-option", "env/"));
  }

  @Test
  void target_malformedAwsCliSyntax_saysBothForms() {
    assertThatThrownBy(() -> RequestMapper.target("Key=tag:Role"))
        .hasMessageContaining("Key=NAME,Values=V1,V2")
        .hasMessageContaining("-t Role=web");
  }
}
