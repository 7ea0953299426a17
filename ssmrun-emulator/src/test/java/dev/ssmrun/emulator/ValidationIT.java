package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.Target;

/** The service's validation and its error codes, seen through the real SDK. Nothing runs. */
class ValidationIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder()
              .instances(1)
              .maxDocumentSize(4 * 1024)
              .visibilityDelay(Duration.ofMillis(20))
              .addInstance(InstanceSpec.builder().platform(Platform.WINDOWS).build())
              .addInstance(InstanceSpec.builder().online(false).build()));

  private final SsmEmulator emu = SSM.emulator();
  private final SsmClient ssm = SSM.ssm();
  private final String linux = emu.instanceIds().get(0);
  private final String windows = emu.instanceIds().get(1);
  private final String offline = emu.instanceIds().get(2);

  @Test
  void sendCommand_badRequests_serviceErrorCodes() {
    Map<String, Integer> executionsBefore = emu.state().executions();
    assertCode("ValidationException", send(Poll.shell(List.of("i-123"), "true")));
    assertCode("ValidationException", send(Poll.shell(ids(51), "true")));
    assertCode("DuplicateInstanceId", send(Poll.shell(List.of(linux, linux), "true")));
    assertCode("InvalidInstanceId", send(Poll.shell(List.of("i-0123456789abcdef0"), "true")));
    assertCode("InvalidInstanceId", send(Poll.shell(List.of(offline), "true")));
    assertCode(
        "ValidationException", send(Poll.shell(List.of(linux), "true").comment("x".repeat(101))));
    assertCode("ValidationException", send(Poll.shell(List.of(linux), "true").timeoutSeconds(29)));
    assertCode("ValidationException", send(Poll.shell(List.of(linux), "true").maxConcurrency("0")));
    assertCode("ValidationException", send(Poll.shell(List.of(linux), "true").maxErrors("x")));
    assertCode(
        "InvalidDocument",
        send(Poll.shell(List.of(linux), "true").documentName("AWS-NoSuchDocument")));
    assertCode(
        "InvalidDocumentVersion", send(Poll.shell(List.of(linux), "true").documentVersion("7")));
    assertCode(
        "InvalidParameters",
        send(Poll.shell(List.of(linux)).parameters(Map.of("command", List.of("true")))));
    assertCode(
        "InvalidParameters",
        send(
            Poll.shell(List.of(linux))
                .parameters(
                    Map.of("commands", List.of("true"), "executionTimeout", List.of("0")))));
    assertCode(
        "ValidationException",
        send(
            SendCommandRequest.builder()
                .documentName("AWS-RunShellScript")
                .parameters(Map.of("commands", List.of("true")))));
    assertThat(emu.state().executions()).isEqualTo(executionsBefore); // nothing ran
  }

  @Test
  void sendCommand_tooManyTargets_validationException() {
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      targets.add(Target.builder().key("tag:K" + i).values("v").build());
    }
    assertCode(
        "ValidationException",
        send(
            SendCommandRequest.builder()
                .documentName("AWS-RunShellScript")
                .targets(targets)
                .parameters(Map.of("commands", List.of("true")))));
  }

  @Test
  void sendCommand_documentForOtherPlatform_unsupportedPlatformType() {
    SsmException powershellOnLinux =
        error(send(Poll.shell(List.of(linux), "Get-Date").documentName("AWS-RunPowerShellScript")));
    SsmException shellOnWindows = error(send(Poll.shell(List.of(windows), "true")));

    assertThat(powershellOnLinux.awsErrorDetails().errorCode())
        .isEqualTo("UnsupportedPlatformType");
    assertThat(powershellOnLinux.statusCode()).isEqualTo(400);
    assertThat(shellOnWindows.awsErrorDetails().errorCode()).isEqualTo("UnsupportedPlatformType");
  }

  @Test
  void powerShellOnWindows_runsWithPwshOrFailsSayingSo() {
    String commandId =
        ssm.sendCommand(
                Poll.shell(List.of(windows), "Write-Output hi")
                    .documentName("AWS-RunPowerShellScript")
                    .build())
            .command()
            .commandId();

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, windows);

    assertThat(inv.pluginName()).isEqualTo("aws:runPowerShellScript");
    boolean pwsh =
        Stream.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin")
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pwsh")));
    if (pwsh) {
      assertThat(inv.statusAsString()).isEqualTo("Success");
      assertThat(inv.standardOutputContent()).isEqualTo("hi\n");
    } else {
      // What the Windows agent's Go exec reports when PowerShell is not there.
      assertThat(inv.statusAsString()).isEqualTo("Failed");
      assertThat(inv.responseCode()).isEqualTo(1);
      assertThat(inv.standardErrorContent())
          .isEqualTo(
              "failed to run commands: exec:"
                  + " \"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\": file"
                  + " does not exist");
    }
  }

  @Test
  void sendCommand_scriptOverSizeLimit_maxDocumentSizeExceeded() {
    SsmException e = error(send(Poll.shell(List.of(linux), "echo " + "x".repeat(4096))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MaxDocumentSizeExceeded");
    assertThat(e.awsErrorDetails().errorMessage()).contains("4096 bytes");
  }

  @Test
  void listOperations_badMaxResultsOrToken_rejected() {
    assertCode("ValidationException", () -> ssm.listCommandInvocations(b -> b.maxResults(51)));
    assertCode("ValidationException", () -> ssm.listCommands(b -> b.maxResults(0)));
    assertCode("ValidationException", () -> ssm.describeInstanceInformation(b -> b.maxResults(4)));
    assertCode("InvalidNextToken", () -> ssm.listCommands(b -> b.nextToken("bm90LWEtdG9rZW4")));
    assertCode(
        "InvalidFilterKey",
        () -> ssm.describeInstanceInformation(b -> b.filters(f -> f.key("Color").values("red"))));
  }

  @Test
  void getCommandInvocation_unknownCommandOrPlugin_invocationDoesNotExist() {
    assertCode(
        "InvocationDoesNotExist",
        () ->
            ssm.getCommandInvocation(
                b -> b.commandId("12345678-1234-1234-1234-123456789012").instanceId(linux)));
    String commandId = Poll.send(ssm, List.of(linux), "true");
    Poll.terminal(ssm, commandId, linux);
    assertCode(
        "InvalidPluginName",
        () ->
            ssm.getCommandInvocation(
                b ->
                    b.commandId(commandId)
                        .instanceId(linux)
                        .pluginName("aws:runPowerShellScript")));
    assertCode(
        "InvocationDoesNotExist",
        () -> ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(windows)));
  }

  @Test
  void cancelCommand_unknownCommand_invalidCommandId() {
    assertCode(
        "InvalidCommandId",
        () -> ssm.cancelCommand(b -> b.commandId("12345678-1234-1234-1234-123456789012")));
  }

  private Executable send(SendCommandRequest.Builder request) {
    return () -> ssm.sendCommand(request.build());
  }

  private List<String> ids(int count) {
    return new ArrayList<>(Collections.nCopies(count, linux));
  }

  private static void assertCode(String code, Executable call) {
    assertThat(error(call).awsErrorDetails().errorCode()).isEqualTo(code);
  }

  private static SsmException error(Executable call) {
    SsmException e = catchThrowableOfType(SsmException.class, call::execute);
    assertThat(e).as("expected an SSM error").isNotNull();
    return e;
  }
}
