package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/** OutputS3BucketName: full output in the embedded S3 under the agent's key layout. */
class S3OutputIT {
  @Test
  void outputBucket_fullStdoutUploaded_emptyStderrNot() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(1).visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient();
        S3Client s3 = emu.newS3Client()) {
      s3.createBucket(b -> b.bucket("outputs"));
      String id = emu.instanceIds().get(0);
      String commandId =
          ssm.sendCommand(
                  Poll.shell(List.of(id), "head -c 30000 /dev/zero | tr '\\0' x")
                      .outputS3BucketName("outputs")
                      .outputS3KeyPrefix("runs/today/")
                      .build())
              .command()
              .commandId();

      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

      String key =
          "runs/today/" + commandId + "/" + id + "/awsrunShellScript/0.awsrunShellScript/stdout";
      byte[] stored = s3.getObjectAsBytes(b -> b.bucket("outputs").key(key)).asByteArray();
      assertThat(stored).hasSize(30_000);
      assertThat(inv.standardOutputContent()).hasSize(24_000);
      assertThat(inv.standardOutputUrl()).isEqualTo(emu.s3Endpoint() + "/outputs/" + key);
      assertThat(inv.standardErrorUrl()).endsWith("/stderr");
      assertThat(
              ssm.listCommandInvocations(b -> b.commandId(commandId).details(true))
                  .commandInvocations()
                  .get(0)
                  .commandPlugins()
                  .get(0)
                  .outputS3KeyPrefix())
          .isEqualTo("runs/today/" + commandId + "/" + id + "/awsrunShellScript");
      assertThat(
              catchThrowableOfType(
                  NoSuchKeyException.class,
                  () ->
                      s3.getObjectAsBytes(
                          b -> b.bucket("outputs").key(key.replace("/stdout", "/stderr")))))
          .isNotNull();
    }
  }

  @Test
  void noOutputBucket_urlsEmpty() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(1).visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      GetCommandInvocationResponse inv =
          Poll.terminal(ssm, Poll.send(ssm, List.of(id), "echo hi"), id);

      assertThat(inv.standardOutputUrl()).isEmpty();
      assertThat(inv.standardErrorUrl()).isEmpty();
    }
  }
}
