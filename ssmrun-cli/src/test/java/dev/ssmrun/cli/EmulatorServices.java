package dev.ssmrun.cli;

import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;

/**
 * Services whose "embedded" emulator is started up front by the test, so that the test knows its
 * instance ids and can read its recorded calls after the CLI has closed it.
 */
final class EmulatorServices implements Services {
  final SsmEmulator emulator;
  private final DefaultServices real = new DefaultServices();

  EmulatorServices(int instances) {
    this.emulator =
        SsmEmulator.builder().instances(instances).visibilityDelay(Duration.ofMillis(50)).start();
  }

  @Override
  public SsmRunner awsRunner(AwsSettings settings) {
    throw new AssertionError("tests of --local must not reach AWS");
  }

  @Override
  public SsmRunner localRunner(SsmEmulator emulator) {
    return real.localRunner(emulator);
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    return emulator;
  }
}
