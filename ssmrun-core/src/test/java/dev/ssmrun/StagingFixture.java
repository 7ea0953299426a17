package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulatorExtension;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For a class's emulator (register after its {@link SsmEmulatorExtension}): a runner staging in
 * the emulator's staging bucket, an S3 client to look into it, and, after every test, the check
 * that the run left the bucket empty.
 */
final class StagingFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  private final SsmEmulatorExtension emulator;
  private final UnaryOperator<SsmRunner.Builder> settings;
  private SsmRunner runner;
  private S3Client s3;

  StagingFixture(SsmEmulatorExtension emulator, UnaryOperator<SsmRunner.Builder> settings) {
    this.emulator = emulator;
    this.settings = settings;
  }

  /** The runner, staging in the emulator's staging bucket. */
  SsmRunner runner() {
    return runner;
  }

  /** An S3 client for the emulator's S3. */
  S3Client s3() {
    return s3;
  }

  /** The staging bucket. */
  String bucket() {
    return emulator.stagingBucket();
  }

  /** The first instance's result of {@code request} run there. */
  InvocationResult runOnFirst(RunRequest.Builder request) {
    String id = emulator.emulator().instanceIds().get(0);
    return runner.run(request.addInstanceId(id).build()).invocations().get(0);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    runner =
        Emulators.runner(
            emulator.emulator(),
            b -> settings.apply(b.staging(StagingLocation.of(emulator.stagingBucket()))));
    s3 = emulator.emulator().newS3Client();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket())).contents())
        .as("objects left in the staging bucket")
        .isEmpty();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    runner.close();
    s3.close();
  }
}
