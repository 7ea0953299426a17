package dev.ssmrun.emulator.internal.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** An in-memory S3 endpoint (S3Proxy) on loopback, checking SigV4 with the emulator's keys. */
public final class EmbeddedS3 implements AutoCloseable {
  /** How long the embedded S3 may take to start. */
  static final Duration START_LIMIT = Duration.ofSeconds(30);

  private final S3Proxy proxy;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Starts S3 on 127.0.0.1 at {@code port} (0 picks a free one). */
  public static EmbeddedS3 start(int port, String accessKeyId, String secretAccessKey) {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
            .metricsEnabled(false)
            .build();
    try {
      proxy.start();
      awaitStarted(proxy, START_LIMIT);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("embedded S3 failed to start: " + e.getMessage(), e);
    }
    return new EmbeddedS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  /**
   * Waits until {@code proxy} is STARTED; FAILED or still not started after {@code limit} (its
   * Jetty never came up) is an error. Real time: the server starts on its own threads.
   */
  static void awaitStarted(S3Proxy proxy, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if ("FAILED".equals(proxy.getState())) {
        throw new IllegalStateException("embedded S3 failed to start");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "embedded S3 did not start within " + limit.toSeconds() + " s");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /** The path-style endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("embedded S3 failed to stop", e);
    }
  }
}
