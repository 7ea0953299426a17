package dev.ssmrun.cli.connect;

import dev.ssmrun.Sleeper;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Clock;
import java.util.Map;

/** What the commands need from the outside world; tests substitute their own. */
public interface Services {
  /**
   * SDK clients configured the way the AWS CLI would be (or for the emulator whose endpoint and
   * credentials {@code settings} carry); the caller closes them. {@code debug} sees every call.
   */
  AwsClients connect(AwsSettings settings, DebugLog debug);

  /** Starts an embedded emulator. */
  SsmEmulator startEmulator(EmulatorSettings settings);

  /** The process environment ({@code NO_COLOR}, {@code AWS_DEFAULT_REGION}, ...). */
  Map<String, String> environment();

  /** True if file descriptor {@code fd} (1 standard output, 2 standard error) is a terminal. */
  boolean isTerminal(int fd);

  /** The clock for elapsed times and bounded waits. */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** How bounded waits pause. */
  default Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }
}
