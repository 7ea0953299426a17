package dev.ssmrun.emulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * JUnit 5 extension that starts an {@link SsmEmulator} and closes it afterwards. Registered on a
 * static field it lives for the whole class; on an instance field, for one test. With
 * {@code @ExtendWith(SsmEmulatorExtension.class)} an emulator with default settings is injected
 * into parameters of type {@link SsmEmulator}. {@link #ssm()} hands out one SSM client for the
 * running emulator, which the extension closes together with it. Every emulator it starts has an
 * empty bucket {@link #STAGING_BUCKET} in its embedded S3, for ssmrun's staging location.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SsmEmulatorExtension SSM =
 *     SsmEmulatorExtension.create(SsmEmulator.builder().instances(2));
 *
 * @Test
 * void echo() {
 *   SSM.ssm().sendCommand(b -> b.documentName("AWS-RunShellScript")
 *       .instanceIds(SSM.emulator().instanceIds())
 *       .parameters(Map.of("commands", List.of("echo hi"))));
 * }
 * }</pre>
 */
public final class SsmEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  /** The bucket created in the embedded S3 of every emulator the extension starts. */
  public static final String STAGING_BUCKET = "ssmrun-staging";

  private final SsmEmulator.Builder builder;
  private SsmEmulator emulator;
  private SsmClient ssm;
  private CloudWatchLogsClient logs;
  private boolean perTest;

  /** An extension with default settings, for {@code @ExtendWith}. */
  public SsmEmulatorExtension() {
    this(SsmEmulator.builder());
  }

  private SsmEmulatorExtension(SsmEmulator.Builder builder) {
    this.builder = builder;
  }

  /** An extension that starts emulators configured by {@code builder}. */
  public static SsmEmulatorExtension create(SsmEmulator.Builder builder) {
    return new SsmEmulatorExtension(Objects.requireNonNull(builder, "builder == null"));
  }

  /**
   * The running emulator.
   *
   * @throws IllegalStateException outside a test or before the extension started it
   */
  public synchronized SsmEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while a test runs");
    }
    return emulator;
  }

  /**
   * An SSM client for the running emulator (SDK retries on, zero backoff), created on first use and
   * shared until the extension closes the emulator, when it closes the client as well. Do not close
   * it yourself; use {@link SsmEmulator#newSsmClient()} for a client of your own.
   *
   * @throws IllegalStateException outside a test or before the extension started the emulator
   */
  public synchronized SsmClient ssm() {
    if (ssm == null) {
      ssm = emulator().newSsmClient();
    }
    return ssm;
  }

  /**
   * The name of the staging bucket in the running emulator's embedded S3: {@link
   * #STAGING_BUCKET}.
   *
   * @throws IllegalStateException outside a test or before the extension started the emulator
   */
  public synchronized String stagingBucket() {
    emulator();
    return STAGING_BUCKET;
  }

  /**
   * A CloudWatch Logs client for the running emulator, shared and closed like {@link #ssm()}.
   *
   * @throws IllegalStateException outside a test or before the extension started the emulator
   */
  public synchronized CloudWatchLogsClient logs() {
    if (logs == null) {
      logs = emulator().newLogsClient();
    }
    return logs;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    emulator = start();
  }

  /** Starts an emulator and creates its staging bucket. */
  private SsmEmulator start() {
    SsmEmulator started = builder.start();
    try (S3Client s3 = started.newS3Client()) {
      s3.createBucket(b -> b.bucket(STAGING_BUCKET));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      perTest = true;
      emulator = start();
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SsmEmulator.class;
  }

  @Override
  public synchronized Object resolveParameter(
      ParameterContext parameter, ExtensionContext context) {
    if (emulator == null) {
      emulator = start();
      perTest = true;
    }
    return emulator;
  }

  private synchronized void stop() {
    try {
      if (ssm != null) {
        ssm.close();
      }
      if (logs != null) {
        logs.close();
      }
    } finally {
      ssm = null;
      logs = null;
      if (emulator != null) {
        emulator.close();
        emulator = null;
      }
    }
  }
}
