package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Two emulators for one test class, built alike, one sandboxed and one on the shared host, so
 * that a {@code @ParameterizedTest @EnumSource(Isolation.class)} checks a behaviour in both.
 */
final class BothIsolations implements BeforeAllCallback, AfterAllCallback {
  private final SsmEmulatorExtension sandbox;
  private final SsmEmulatorExtension sharedHost;

  private BothIsolations(Supplier<SsmEmulator.Builder> builder) {
    this.sandbox = SsmEmulatorExtension.create(builder.get().isolation(Isolation.SANDBOX));
    this.sharedHost = SsmEmulatorExtension.create(builder.get().isolation(Isolation.SHARED_HOST));
  }

  static BothIsolations create(Supplier<SsmEmulator.Builder> builder) {
    return new BothIsolations(builder);
  }

  SsmEmulator emulator(Isolation isolation) {
    SsmEmulator emu = extension(isolation).emulator();
    assertThat(emu.isolation()).isEqualTo(isolation);
    return emu;
  }

  SsmClient ssm(Isolation isolation) {
    return extension(isolation).ssm();
  }

  private SsmEmulatorExtension extension(Isolation isolation) {
    return isolation == Isolation.SANDBOX ? sandbox : sharedHost;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox.beforeAll(context);
    sharedHost.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      sandbox.afterAll(context);
    } finally {
      sharedHost.afterAll(context);
    }
  }
}
