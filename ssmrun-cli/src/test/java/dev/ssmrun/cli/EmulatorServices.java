package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.AwsClients;
import dev.ssmrun.cli.connect.AwsSettings;
import dev.ssmrun.cli.connect.DebugLog;
import dev.ssmrun.cli.connect.DefaultServices;
import dev.ssmrun.cli.connect.EmulatorSettings;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Services whose "embedded" emulator is started up front by the test, so that the test knows its
 * instance ids and can read its recorded calls after the CLI has closed it. The clients are real.
 */
final class EmulatorServices implements Services {
  final SsmEmulator emulator;
  final Map<String, String> environment = new HashMap<>();
  private final DefaultServices real = new DefaultServices();
  boolean terminal;

  /** Settings for {@link #EmulatorServices(int, String, UnaryOperator)}: scripts on the host. */
  static final UnaryOperator<SsmEmulator.Builder> SHARED_HOST =
      b -> b.isolation(Isolation.SHARED_HOST);

  EmulatorServices(int instances) {
    this(instances, "seed=1");
  }

  EmulatorServices(int instances, String faults) {
    this(instances, faults, b -> b);
  }

  /** {@code more} adds settings to the emulator's builder (e.g. its timeout unit). */
  EmulatorServices(int instances, String faults, UnaryOperator<SsmEmulator.Builder> more) {
    this.emulator =
        more.apply(
                SsmEmulator.builder()
                    .instances(instances)
                    .visibilityDelay(Duration.ofMillis(50))
                    .faults(faults))
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
            settings.logsEndpointUrl(),
            AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())),
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
