package dev.ssmrun.emulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts an {@link SsmEmulator} and closes it afterwards. Registered on a
 * static field it lives for the whole class; on an instance field, for one test. With
 * {@code @ExtendWith(SsmEmulatorExtension.class)} an emulator with default settings is injected
 * into parameters of type {@link SsmEmulator}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SsmEmulatorExtension SSM =
 *     SsmEmulatorExtension.create(SsmEmulator.builder().instances(2));
 * }</pre>
 */
public final class SsmEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final SsmEmulator.Builder builder;
  private SsmEmulator emulator;
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
  public SsmEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while a test runs");
    }
    return emulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = builder.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      perTest = true;
      emulator = builder.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SsmEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (emulator == null) {
      emulator = builder.start();
      perTest = true;
    }
    return emulator;
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }
}
