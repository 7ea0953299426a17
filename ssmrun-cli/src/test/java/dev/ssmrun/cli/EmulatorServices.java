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
    this(instances, "seed=1");
  }

  EmulatorServices(int instances, String faults) {
    this.emulator =
        SsmEmulator.builder()
            .instances(instances)
            .visibilityDelay(Duration.ofMillis(50))
            .faults(faults)
            .start();
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
