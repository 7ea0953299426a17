package dev.ssmrun.cli;

import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;

/** What the commands need from the outside world; tests substitute their own. */
interface Services {
  /** A runner on real AWS (or an endpoint) configured the way the AWS CLI would be. */
  SsmRunner awsRunner(AwsSettings settings);

  /** A runner bound to {@code emulator}. */
  SsmRunner localRunner(SsmEmulator emulator);

  /** Starts an embedded emulator. */
  SsmEmulator startEmulator(EmulatorSettings settings);
}
