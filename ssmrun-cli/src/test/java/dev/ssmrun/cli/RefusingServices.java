package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.AwsClients;
import dev.ssmrun.cli.connect.AwsSettings;
import dev.ssmrun.cli.connect.DebugLog;
import dev.ssmrun.cli.connect.EmulatorSettings;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.emulator.SsmEmulator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Services that count every use and refuse it: proves that bad input sends nothing. */
class RefusingServices implements Services {
  final AtomicInteger uses = new AtomicInteger();

  @Override
  public AwsClients connect(AwsSettings settings, DebugLog debug) {
    uses.incrementAndGet();
    throw new AssertionError("no client may be created");
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    uses.incrementAndGet();
    throw new AssertionError("the emulator must not be started");
  }

  @Override
  public Map<String, String> environment() {
    return Map.of();
  }

  @Override
  public boolean isTerminal(int fd) {
    return false;
  }
}
