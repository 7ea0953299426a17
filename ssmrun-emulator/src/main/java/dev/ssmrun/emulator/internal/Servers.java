package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.internal.http.SsmHttpServer;
import dev.ssmrun.emulator.internal.s3.Clients;
import dev.ssmrun.emulator.internal.s3.EmbeddedS3;
import dev.ssmrun.emulator.internal.s3.S3OutputUploader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The running parts of one emulator: the embedded S3 and the client that uploads output to it, the
 * engine, the SSM HTTP server and the instances' work folder. Started together, closed together.
 */
public final class Servers implements AutoCloseable {
  private final Settings settings;
  private final EmbeddedS3 s3;
  private final S3Client uploadClient;
  private final Engine engine;
  private final SsmHttpServer server;
  private final boolean deleteWorkRoot;

  private Servers(Settings settings, boolean deleteWorkRoot, List<InstanceSpec> instances) {
    this.settings = settings;
    this.deleteWorkRoot = deleteWorkRoot;
    EmbeddedS3 startedS3 = null;
    S3Client client = null;
    Engine startedEngine = null;
    try {
      startedS3 =
          EmbeddedS3.start(settings.s3Port(), settings.accessKeyId(), settings.secretAccessKey());
      client = Clients.s3(startedS3.endpoint(), settings);
      startedEngine = Engine.create(settings, new S3OutputUploader(client, startedS3.endpoint()));
      for (InstanceSpec spec : instances) {
        addInstance(startedEngine, spec);
      }
      this.server = SsmHttpServer.start(startedEngine, settings.port());
    } catch (RuntimeException e) {
      closeQuietly(startedEngine, client, startedS3);
      deleteWorkRoot();
      throw e;
    }
    this.s3 = startedS3;
    this.uploadClient = client;
    this.engine = startedEngine;
  }

  /**
   * Starts everything with the settings {@code settings} gives for the work root, which is {@code
   * workDirectory} (kept after close) or, if null, a new private temporary folder (deleted). The
   * instances are {@code defaults} Linux ones tagged {@code Name=local-N} and {@code Role=web} (odd
   * N) or {@code Role=worker} (even N), then {@code extra}.
   */
  public static Servers start(
      Function<Path, Settings> settings,
      Path workDirectory,
      int defaults,
      List<InstanceSpec> extra) {
    boolean temporary = workDirectory == null;
    Path root = temporary ? WorkFolders.createTemp() : workDirectory;
    List<InstanceSpec> instances = new ArrayList<>();
    for (int n = 1; n <= defaults; n++) {
      instances.add(
          InstanceSpec.builder()
              .addTag("Name", "local-" + n)
              .addTag("Role", n % 2 == 1 ? "web" : "worker")
              .build());
    }
    instances.addAll(extra);
    return new Servers(settings.apply(root), temporary, instances);
  }

  /** What the emulator was configured with. */
  public Settings settings() {
    return settings;
  }

  /** The service core. */
  public Engine engine() {
    return engine;
  }

  /** The SSM endpoint. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** The embedded S3 endpoint (path-style). */
  public URI s3Endpoint() {
    return s3.endpoint();
  }

  /** Adds an instance named {@code local-N}, N being its position, and returns its id. */
  public String addInstance(InstanceSpec spec) {
    return addInstance(engine, spec);
  }

  private static String addInstance(Engine engine, InstanceSpec spec) {
    String id = engine.addInstance(spec, "local-" + (engine.instanceIds().size() + 1));
    if (!spec.cloudWatchLogs()) {
      engine.agentLogs.denyAccess(id);
    }
    return id;
  }

  /** Stops both servers, kills every process group still running, deletes a temporary root. */
  @Override
  public void close() {
    server.close();
    closeQuietly(engine, uploadClient, s3);
    deleteWorkRoot();
  }

  private void deleteWorkRoot() {
    if (deleteWorkRoot) {
      WorkFolders.delete(settings.workRoot());
    }
  }

  private static void closeQuietly(AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (Exception e) {
        // Closing goes on: every other resource must still be released.
      }
    }
  }
}
