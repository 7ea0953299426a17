package dev.ssmrun.cli.connect;

import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients of one command, on AWS or on an embedded emulator ({@code --local}). {@link
 * #close()} closes the clients, then the emulator; it may be called more than once and from any
 * thread (Ctrl-C closes it before the JVM exits, so that no temporary folder is left).
 */
public final class Connection implements AutoCloseable {
  private final AwsClients clients;
  private final SsmEmulator emulator;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Connection(AwsClients clients, SsmEmulator emulator) {
    this.clients = clients;
    this.emulator = emulator;
  }

  /** Starts the emulator for {@code --local}, then creates the clients. */
  public static Connection open(ConnectionOptions options, Services services, DebugLog debug) {
    if (!options.local) {
      return new Connection(services.connect(options.awsSettings(), debug), null);
    }
    SsmEmulator emulator =
        services.startEmulator(
            new EmulatorSettings(0, options.localInstanceCount(), List.of(), options.localFaults));
    try {
      AwsSettings settings =
          new AwsSettings(
              emulator.region(),
              null,
              emulator.endpoint(),
              emulator.s3Endpoint(),
              emulator.endpoint(),
              AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
      return new Connection(services.connect(settings, debug), emulator);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  public SsmClient ssm() {
    return clients.ssm();
  }

  public S3Client s3() {
    return clients.s3();
  }

  /**
   * A runner on these clients; with {@code readS3} it reads truncated output from S3, with {@code
   * followOutput} it can tail CloudWatch Logs. Never one of the SDK's default clients, which would
   * reach AWS whatever the command line said.
   */
  public SsmRunner runner(boolean readS3, boolean followOutput) {
    var builder = SsmRunner.builder().ssmClient(ssm());
    if (readS3) {
      builder.s3Client(s3());
    }
    if (followOutput) {
      builder.logsClient(clients.logs());
    }
    return builder.build();
  }

  /** The embedded emulator's instance ids; empty unless {@code --local}. */
  public List<String> localInstanceIds() {
    return emulator == null ? List.of() : emulator.instanceIds();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> all = new ArrayList<>(List.of(clients));
    if (emulator != null) {
      all.add(emulator);
    }
    AwsClients.closeAll(all);
  }
}
