package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.internal.s3.EmbeddedS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class EmbeddedS3SmokeTest {
  @Test
  void putThenGet_roundTripsBytes() {
    try (EmbeddedS3 s3 = EmbeddedS3.start(0, "test", "test");
        S3Client client =
            S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
      client.createBucket(b -> b.bucket("bkt"));
      client.putObject(b -> b.bucket("bkt").key("a/b"), RequestBody.fromString("hello"));
      assertThat(client.getObjectAsBytes(b -> b.bucket("bkt").key("a/b")).asUtf8String())
          .isEqualTo("hello");
    }
  }
}
