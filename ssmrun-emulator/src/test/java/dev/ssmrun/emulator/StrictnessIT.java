package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The emulator refuses what AWS would, with the service's error codes. Nothing runs. */
class StrictnessIT {
  @RegisterExtension
  static final SsmEmulatorExtension EMU =
      SsmEmulatorExtension.create(SsmEmulator.builder().instances(1).maxRequestSize(64 * 1024));

  private final SsmClient ssm = EMU.ssm();
  private final String id = EMU.emulator().instanceIds().get(0);

  @Test
  void invalidFilterValues_rejected() {
    assertCode(
        "InvalidFilterKey",
        () -> ssm.listCommands(b -> b.filters(f -> f.key("Status").value("Bogus"))));
    assertCode(
        "InvalidFilterKey",
        () ->
            ssm.listCommandInvocations(
                b -> b.filters(f -> f.key("Status").value("NoInstancesInTag"))));
    assertCode(
        "InvalidFilterKey",
        () -> ssm.listCommands(b -> b.filters(f -> f.key("ExecutionStage").value("Sleeping"))));
    assertCode(
        "InvalidInstanceInformationFilterValue",
        () ->
            ssm.describeInstanceInformation(
                b -> b.filters(f -> f.key("PingStatus").values("Sleepy"))));
    assertCode(
        "InvalidInstanceInformationFilterValue",
        () ->
            ssm.describeInstanceInformation(
                b ->
                    b.instanceInformationFilterList(f -> f.key("PlatformTypes").valueSet("BeOS"))));
    assertThat(
            ssm.listCommands(b -> b.filters(f -> f.key("Status").value("Incomplete"))).commands())
        .isEmpty();
  }

  @Test
  void targetsInstanceIds_unknownRejectedAtSend() {
    int before = EMU.emulator().state().callCount("SendCommand", "ok");

    assertCode("InvalidInstanceId", () -> sendToTarget("i-0123456789abcdef0"));
    assertCode("ValidationException", () -> sendToTarget("web-1"));
    assertThat(EMU.emulator().state().callCount("SendCommand", "ok")).isEqualTo(before);
    assertThat(EMU.emulator().state().executionCount(id)).isZero();
  }

  @Test
  void malformedInstanceId_oneErrorCodeEverywhere() {
    String cmd = "12345678-1234-1234-1234-123456789012";
    assertCode("ValidationException", () -> Poll.send(ssm, List.of("i-1"), "true"));
    assertCode(
        "ValidationException",
        () -> ssm.getCommandInvocation(b -> b.commandId(cmd).instanceId("i-1")));
    assertCode("ValidationException", () -> ssm.listCommandInvocations(b -> b.instanceId("web")));
    assertCode("ValidationException", () -> ssm.listCommands(b -> b.instanceId("web")));
    assertCode(
        "ValidationException", () -> ssm.cancelCommand(b -> b.commandId(cmd).instanceIds("x")));
  }

  @Test
  void oversizedBody_413WithoutReadingIt() throws Exception {
    // Declares 400 MB and sends a few bytes: the answer comes from the headers alone.
    String answer =
        raw(
            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: 400000000\r\n\r\n{}");

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("\"__type\":\"RequestEntityTooLargeException\"");
    assertThat(answer).contains("exceeds the limit of 65536 bytes");
    assertThat(EMU.emulator().state().callCount("ListCommands", "RequestEntityTooLargeException"))
        .isEqualTo(1);
  }

  @Test
  void defaultLimit_4MiB() throws Exception {
    try (SsmEmulator emu = SsmEmulator.builder().instances(0).start()) {
      String over =
          raw(
              emu,
              "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: Logs_20140328.PutLogEvents\r\n"
                  + "Content-Length: 4194305\r\n\r\n{}");

      assertThat(over).startsWith("HTTP/1.1 413").contains("exceeds the limit of 4194304 bytes");
    }
  }

  @Test
  void bodyOverTheLimitThroughTheSdk_refusedNotParsed() {
    SsmException e =
        catchThrowableOfType(
            SsmException.class,
            () -> ssm.putParameter(b -> b.name("/big").value("x".repeat(70_000)).type("String")));

    if (e != null) { // the SDK may see the connection close before it reads the answer
      assertThat(e.statusCode()).isEqualTo(413);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
    }
    assertThat(EMU.emulator().state().callCount("PutParameter", "ok")).isZero();
    assertThat(EMU.emulator().state().callCount("PutParameter", "SerializationException")).isZero();
  }

  private void sendToTarget(String value) {
    ssm.sendCommand(
        b ->
            b.documentName("AWS-RunShellScript")
                .targets(t -> t.key("InstanceIds").values(value))
                .parameters(Map.of("commands", List.of("true"))));
  }

  private String raw(String request) throws Exception {
    return raw(EMU.emulator(), request);
  }

  private static String raw(SsmEmulator emu, String request) throws Exception {
    try (Socket socket = new Socket(emu.endpoint().getHost(), emu.endpoint().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
        if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
          break;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static void assertCode(String code, Executable call) {
    SsmException e = catchThrowableOfType(SsmException.class, call::execute);
    assertThat(e).as("expected an SSM error").isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
  }
}
