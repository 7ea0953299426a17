package dev.ssmrun.cli;

import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Services whose "embedded" emulator is started up front by the test, so that the test knows its
 * instance ids and can read its recorded calls after the CLI has closed it. The clients are real.
 */
final class EmulatorServices implements Services {
  final SsmEmulator emulator;
  final Map<String, String> environment = new HashMap<>();
  private final DefaultServices real = new DefaultServices();
  boolean terminal;

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

  /**
   * Real clients. With {@code --endpoint-url} of this emulator, they sign with its keys, as a user
   * who exported the lines {@code ssmrun emulator} prints.
   */
  @Override
  public AwsClients connect(AwsSettings settings, DebugLog debug) {
    if (settings.credentials() != null) {
      return real.connect(settings, debug);
    }
    if (!emulator.endpoint().equals(settings.endpointUrl())) {
      throw new AssertionError("tests must not reach AWS");
    }
    return real.connect(
        new AwsSettings(
            settings.region() == null ? emulator.region() : settings.region(),
            null,
            settings.endpointUrl(),
            emulator.s3Endpoint(),
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                emulator.accessKeyId(), emulator.secretAccessKey())),
        debug);
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    return emulator;
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public boolean isTerminal(int fd) {
    return terminal;
  }
}
