package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/** The shell, environment, script path and working folder a script gets, in both isolations. */
class AgentEnvironmentIT {
  @RegisterExtension
  static final BothIsolations SSM =
      BothIsolations.create(
          () ->
              SsmEmulator.builder()
                  .instances(1)
                  .visibilityDelay(Duration.ZERO)
                  .addInstance(
                      InstanceSpec.builder()
                          .operatingSystem(OperatingSystem.UBUNTU_24_04)
                          .addTag("Name", "ubuntu")
                          .build()));

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void amazonLinux_shIsBash(Isolation isolation) {
    GetCommandInvocationResponse inv = bracketsAndEscapes(isolation, 0);

    assertThat(inv.standardOutputContent()).isEqualTo("brackets\nx\\ty\n");
    assertThat(inv.standardErrorContent()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void ubuntu_shIsDash(Isolation isolation) {
    GetCommandInvocationResponse inv = bracketsAndEscapes(isolation, 1);

    assertThat(inv.standardOutputContent()).isEqualTo("x\ty\n");
    assertThat(inv.standardErrorContent()).contains("[[: not found");
  }

  /** {@code [[ ]]} exists in bash only; dash's echo interprets backslash escapes, bash's not. */
  private GetCommandInvocationResponse bracketsAndEscapes(Isolation isolation, int instance) {
    return run(
        isolation,
        instance,
        Map.of("commands", List.of("[[ a == a ]] && echo brackets", "echo 'x\\ty'")));
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void environment_isTheAgentsWithoutHomeUserOrShell(Isolation isolation) {
    String id = SSM.emulator(isolation).instanceIds().get(0);
    GetCommandInvocationResponse inv =
        run(
            isolation,
            0,
            Map.of(
                "commands",
                List.of(
                    "env | cut -d= -f1 | grep -vx _ | sort | tr '\\n' ' '; echo",
                    "echo \"$PATH|$LANG|$SHLVL|$AWS_SSM_INSTANCE_ID|$AWS_SSM_PLATFORM_NAME\"",
                    "echo \"$AWS_SSM_PLATFORM_VERSION|${#INVOCATION_ID}|$SSM_COMMAND_ID\"")));

    assertThat(inv.standardOutputContent())
        .isEqualTo(
            "AWS_SSM_INSTANCE_ID AWS_SSM_PLATFORM_NAME AWS_SSM_PLATFORM_VERSION AWS_SSM_REGION_NAME"
                + " INVOCATION_ID JOURNAL_STREAM LANG PATH PWD SHLVL SSM_COMMAND_ID \n"
                + "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin|C.UTF-8|2|"
                + id
                + "|Amazon Linux\n"
                + "2023|32|"
                + inv.commandId()
                + "\n");
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void scriptAndWorkingFolder_whereTheAgentPutsThem(Isolation isolation) {
    SsmEmulator emu = SSM.emulator(isolation);
    String id = emu.instanceIds().get(0);
    GetCommandInvocationResponse inv =
        run(
            isolation,
            0,
            Map.of("commands", List.of("echo \"$0\"", "pwd", "ls \"$(dirname \"$0\")\"")));

    String tail =
        "/document/orchestration/" + inv.commandId() + "/awsrunShellScript/0.awsrunShellScript";
    String folder =
        isolation == Isolation.SANDBOX
            ? "/var/lib/amazon/ssm/" + id + tail
            : emu.instanceDirectory(id) + tail;
    String cwd = isolation == Isolation.SANDBOX ? "/usr/bin" : emu.instanceDirectory(id) + "/work";
    assertThat(inv.standardOutputContent())
        .isEqualTo(folder + "/_script.sh\n" + cwd + "\n_script.sh\nstderr\nstdout\n");
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void workingDirectory_absoluteAsGiven_relativeUnderDownloadsElseTheDefault(Isolation isolation) {
    SsmEmulator emu = SSM.emulator(isolation);
    String cwd =
        isolation == Isolation.SANDBOX
            ? "/usr/bin"
            : emu.instanceDirectory(emu.instanceIds().get(0)) + "/work";

    assertThat(pwd(isolation, "/tmp").standardOutputContent()).isEqualTo("/tmp\n");
    assertThat(pwd(isolation, "not/there").standardOutputContent()).isEqualTo(cwd + "\n");
    GetCommandInvocationResponse missing = pwd(isolation, "/no/such");
    assertThat(missing.statusAsString()).isEqualTo("Failed");
    assertThat(missing.responseCode()).isEqualTo(1);
    assertThat(missing.standardErrorContent())
        .isEqualTo("failed to run commands: chdir /no/such: no such file or directory\n");
  }

  private GetCommandInvocationResponse pwd(Isolation isolation, String workingDirectory) {
    return run(
        isolation,
        0,
        Map.of("commands", List.of("pwd"), "workingDirectory", List.of(workingDirectory)));
  }

  private GetCommandInvocationResponse run(
      Isolation isolation, int instance, Map<String, List<String>> parameters) {
    SsmClient ssm = SSM.ssm(isolation);
    String id = SSM.emulator(isolation).instanceIds().get(instance);
    return Poll.terminal(ssm, Poll.send(ssm, id, parameters), id);
  }
}
