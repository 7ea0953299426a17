package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.Document;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.RunRequest;
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

    RunRequest request = command.toRunRequest("Get-Date", List.of());

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
        parse("-i", "i-0123456789abcdef0", "--", "true").toRunRequest("true", List.of());

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
        command.toRunRequest("uptime", List.of("i-0000000000000000a", "i-0000000000000000b"));

    assertThat(request.targets().instanceIds())
        .containsExactly("i-0000000000000000a", "i-0000000000000000b");
    assertThat(request.payload().strictMode()).isTrue();
  }

  @Test
  void toRunRequest_severalWords_becomeOneSafelyQuotedCommand() {
    RunCommand command = parse("-i", "i-0123456789abcdef0", "--", "echo", "a b", "$HOME");

    RunRequest request = command.toRunRequest(null, List.of());

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

    RunRequest request = command.toRunRequest("ls", List.of());

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

    RunRequest request = command.toRunRequest("ls", List.of());

    assertThat(request.targets().tags())
        .containsEntry("tag:Role", List.of("web", "api"))
        .containsEntry("InstanceIds", List.of("i-0123456789abcdef0"));
  }

  @Test
  void target_malformedAwsCliSyntax_saysBothForms() {
    assertThatThrownBy(() -> RequestMapper.target("Key=tag:Role"))
        .hasMessageContaining("Key=NAME,Values=V1,V2")
        .hasMessageContaining("-t Role=web");
  }
}
