package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@link SsmEmulatorExtension#ssm()}: one client per emulator, closed when the emulator is; and
 * the staging bucket every emulator gets.
 */
class ExtensionClientIT {
  @Test
  void ssm_classLifecycle_sameClientUntilAfterAllThenClosed() {
    SsmEmulatorExtension extension =
        SsmEmulatorExtension.create(SsmEmulator.builder().instances(2));
    assertThat(catchThrowable(extension::ssm)).isInstanceOf(IllegalStateException.class);

    extension.beforeAll(null);
    SsmClient ssm = extension.ssm();
    assertThat(extension.ssm()).isSameAs(ssm);
    assertThat(ssm.describeInstanceInformation(b -> {}).instanceInformationList()).hasSize(2);
    assertThat(extension.emulator().state().callCount("DescribeInstanceInformation")).isEqualTo(1);
    extension.afterAll(null);

    assertClosed(ssm);
    assertThat(catchThrowable(extension::ssm)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ssm_testLifecycle_newClientForEachTestsEmulator() {
    SsmEmulatorExtension extension =
        SsmEmulatorExtension.create(SsmEmulator.builder().instances(1));

    extension.beforeEach(null);
    SsmEmulator first = extension.emulator();
    SsmClient firstClient = extension.ssm();
    assertThat(firstClient.listCommands(b -> {}).commands()).isEmpty();
    extension.afterEach(null);
    extension.beforeEach(null);
    SsmClient secondClient = extension.ssm();

    assertThat(extension.emulator()).isNotSameAs(first);
    assertThat(secondClient).isNotSameAs(firstClient);
    assertThat(secondClient.listCommands(b -> {}).commands()).isEmpty();
    assertClosed(firstClient);
    extension.afterEach(null);
    assertThat(catchThrowable(extension::ssm)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stagingBucket_everyEmulatorHasItEmpty() {
    SsmEmulatorExtension extension =
        SsmEmulatorExtension.create(SsmEmulator.builder().instances(0));
    assertThat(catchThrowable(extension::stagingBucket)).isInstanceOf(IllegalStateException.class);

    extension.beforeEach(null);
    try (S3Client s3 = extension.emulator().newS3Client()) {
      assertThat(extension.stagingBucket()).isEqualTo(SsmEmulatorExtension.STAGING_BUCKET);
      assertThat(s3.listObjectsV2(b -> b.bucket(extension.stagingBucket())).contents()).isEmpty();
    } finally {
      extension.afterEach(null);
    }
  }

  /** A closed client fails before sending: its pool is shut down (not: connection refused). */
  private static void assertClosed(SsmClient ssm) {
    assertThat(catchThrowable(() -> ssm.listCommands(b -> {})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shut down");
  }
}
