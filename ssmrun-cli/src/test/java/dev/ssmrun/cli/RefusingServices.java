package dev.ssmrun.cli;

import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.util.concurrent.atomic.AtomicInteger;

/** Services that count every use and refuse it: proves that bad input sends nothing. */
final class RefusingServices implements Services {
  final AtomicInteger uses = new AtomicInteger();

  @Override
  public SsmRunner awsRunner(AwsSettings settings) {
    uses.incrementAndGet();
    throw new AssertionError("awsRunner must not be created");
  }

  @Override
  public SsmRunner localRunner(SsmEmulator emulator) {
    uses.incrementAndGet();
    throw new AssertionError("localRunner must not be created");
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    uses.incrementAndGet();
    throw new AssertionError("the emulator must not be started");
  }
}
