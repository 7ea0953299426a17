package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Inspection, the wire format, SigV4 failures, eventual consistency and clean shutdown. */
class StateAndWireIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void stateEndpoint_countsCallsExecutionsAndStatuses() throws Exception {
    try (SsmEmulator emu = SsmEmulator.builder().visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      Poll.terminal(ssm, Poll.send(ssm, List.of(id), "true"), id);

      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(emu.endpoint().resolve("/_emulator/state")).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode state = new ObjectMapper().readTree(response.body());

      assertThat(state.at("/calls/SendCommand/ok").asInt()).isEqualTo(1);
      assertThat(state.at("/executions/" + id).asInt()).isEqualTo(1);
      assertThat(state.at("/invocations/Success").asInt()).isEqualTo(1);
      assertThat(emu.state().callCount("SendCommand")).isEqualTo(1);
      assertThat(emu.state().toJson()).isEqualTo(response.body());
      EmulatorState snapshot = emu.state();
      Poll.send(ssm, List.of(id), "true");
      assertThat(snapshot.callCount("SendCommand")).as("a snapshot never changes").isEqualTo(1);
      assertThatThrownBy(() -> snapshot.calls().get("SendCommand").put("ok", 0))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> snapshot.executions().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> snapshot.recordedCalls().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void unsignedRequest_missingAuthenticationToken400WithAwsHeaders() throws Exception {
    try (SsmEmulator emu = SsmEmulator.builder().instances(0).start()) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(emu.endpoint())
                  .header("X-Amz-Target", "AmazonSSM.ListCommands")
                  .header("Content-Type", "application/x-amz-json-1.1")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(new ObjectMapper().readTree(response.body()).get("__type").asText())
          .isEqualTo("MissingAuthenticationTokenException");
      assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
      assertThat(response.headers().firstValue("Date").orElseThrow()).endsWith(" GMT");
      assertThat(emu.state().callCount("ListCommands", "MissingAuthenticationTokenException"))
          .isEqualTo(1);
    }
  }

  @Test
  void wrongCredentials_signatureErrors() {
    try (SsmEmulator emu = SsmEmulator.builder().instances(0).start();
        SsmClient badSecret = client(emu, "test", "wrong");
        SsmClient badKey = client(emu, "nobody", "test")) {
      SsmException signature =
          catchThrowableOfType(SsmException.class, () -> badSecret.listCommands(b -> {}));
      SsmException key =
          catchThrowableOfType(SsmException.class, () -> badKey.listCommands(b -> {}));

      assertThat(signature.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(key.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(signature.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void visibilityDelay_invocationInvisibleRightAfterSend() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(1).visibilityDelay(Duration.ofSeconds(3)).start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      String commandId = Poll.send(ssm, List.of(id), "true");

      assertThat(
              catchThrowableOfType(
                  InvocationDoesNotExistException.class,
                  () -> ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id))))
          .isNotNull();
      assertThat(ssm.listCommandInvocations(b -> b.commandId(commandId)).commandInvocations())
          .isEmpty();
      assertThat(Poll.terminal(ssm, commandId, id).statusAsString()).isEqualTo("Success");
    }
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void close_endsRunningScriptsAndDeletesFolders(Isolation isolation) {
    Path home;
    String commandId;
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(1)
                .visibilityDelay(Duration.ZERO)
                .isolation(isolation)
                .start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      home = emu.instanceDirectory(id);
      commandId = Poll.send(ssm, List.of(id), "sleep 300 & sleep 300");
      Processes.awaitRunning(commandId);
    }

    assertThat(Processes.ofCommand(commandId)).isEmpty();
    assertThat(Files.exists(home)).isFalse();
  }

  private static SsmClient client(SsmEmulator emu, String key, String secret) {
    return SsmClient.builder()
        .endpointOverride(URI.create(emu.endpoint().toString()))
        .region(Region.of(emu.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .build();
  }
}
