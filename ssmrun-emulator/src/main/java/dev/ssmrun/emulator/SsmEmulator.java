package dev.ssmrun.emulator;

import dev.ssmrun.emulator.internal.Checks;
import dev.ssmrun.emulator.internal.Servers;
import dev.ssmrun.emulator.internal.Settings;
import dev.ssmrun.emulator.internal.logs.LogsSettings;
import dev.ssmrun.emulator.internal.s3.Clients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A local, wire-compatible SSM Run Command endpoint whose simulated instances run commands for
 * real, plus an embedded S3. Each instance is a sandboxed machine of its own where the host allows
 * it ({@link Isolation}). Start one with {@link #builder()}; close it to stop the servers, end every
 * script still running and delete temporary folders. This class is thread-safe.
 *
 * <pre>{@code
 * try (SsmEmulator emu = SsmEmulator.builder().instances(2).start();
 *     SsmClient ssm = emu.newSsmClient()) {
 *   ssm.sendCommand(b -> b.documentName("AWS-RunShellScript")
 *       .instanceIds(emu.instanceIds())
 *       .parameters(Map.of("commands", List.of("echo hi"))));
 * }
 * }</pre>
 */
public final class SsmEmulator implements AutoCloseable {
  private final Servers servers;

  private SsmEmulator(Builder builder) {
    this.servers =
        Servers.start(
            builder::settings,
            builder.workDirectory,
            builder.instances,
            List.copyOf(builder.extraInstances));
  }

  /** A builder with the defaults: 3 Linux instances, test/test, us-east-1, 300 ms window. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The endpoint of SSM and CloudWatch Logs alike, e.g. {@code http://127.0.0.1:40123}: point an
   * SDK's {@code endpointOverride} (or a CLI's {@code --endpoint-url}) for either service here.
   */
  public URI endpoint() {
    return servers.endpoint();
  }

  /** The embedded S3 endpoint (path-style), e.g. {@code http://127.0.0.1:40124}. */
  public URI s3Endpoint() {
    return servers.s3Endpoint();
  }

  /** The access key id every request must be signed with. */
  public String accessKeyId() {
    return servers.settings().accessKeyId();
  }

  /** The secret access key every request must be signed with. */
  public String secretAccessKey() {
    return servers.settings().secretAccessKey();
  }

  /** The region requests must be signed for, e.g. {@code us-east-1}. */
  public String region() {
    return servers.settings().region();
  }

  /** Ids of all simulated instances, in creation order ({@code local-1} first). */
  public List<String> instanceIds() {
    return servers.engine().instanceIds();
  }

  /**
   * The host folder of an instance. It holds the agent's orchestration folders ({@code
   * document/orchestration/<CommandId>/...}, with each script's {@code stdout} and {@code stderr}
   * as they are written), the shared-host working folder {@code work/}, and, in a sandbox, the
   * instance's private files ({@code fs/}).
   */
  public Path instanceDirectory(String instanceId) {
    return servers.engine().instanceHome(instanceId);
  }

  /**
   * Adds a simulated instance now and returns its id.
   *
   * @throws NullPointerException if {@code spec} is null
   */
  public String addInstance(InstanceSpec spec) {
    return servers.addInstance(Objects.requireNonNull(spec, "spec == null"));
  }

  /**
   * Takes an instance's agent offline ({@code ConnectionLost}): new commands to it are rejected,
   * pending ones wait until their TimeoutSeconds pass.
   *
   * @throws IllegalArgumentException if the instance does not exist
   */
  public void takeOffline(String instanceId) {
    servers.engine().setOnline(instanceId, false);
  }

  /**
   * Brings an instance's agent back online; pending invocations for it are delivered.
   *
   * @throws IllegalArgumentException if the instance does not exist
   */
  public void bringOnline(String instanceId) {
    servers.engine().setOnline(instanceId, true);
  }

  /** A new SSM client for this emulator (SDK retries on, zero backoff); the caller closes it. */
  public SsmClient newSsmClient() {
    return Clients.ssm(endpoint(), servers.settings());
  }

  /** A new CloudWatch Logs client for this emulator (SDK retries on, zero backoff). */
  public CloudWatchLogsClient newLogsClient() {
    return Clients.logs(endpoint(), servers.settings());
  }

  /** A new path-style S3 client for the embedded S3; the caller closes it. */
  public S3Client newS3Client() {
    return Clients.s3(s3Endpoint(), servers.settings());
  }

  /** How the instances are isolated: {@link Isolation#SANDBOX} or {@link Isolation#SHARED_HOST}. */
  public Isolation isolation() {
    return servers.engine().isolation();
  }

  /** A snapshot of recorded calls, executions and invocation statuses. */
  public EmulatorState state() {
    return new EmulatorState(servers.engine().snapshot());
  }

  /** Stops both servers, ends every script still running, deletes temporary folders. */
  @Override
  public void close() {
    servers.close();
  }

  @Override
  public String toString() {
    return String.format(
        "SsmEmulator{endpoint=%s, s3=%s, instances=%d, isolation=%s}",
        endpoint(), s3Endpoint(), instanceIds().size(), isolation());
  }

  /**
   * Configures and starts an {@link SsmEmulator}. Not thread-safe. Every setting has a default, so
   * {@code SsmEmulator.builder().start()} gives 3 Linux instances with {@code Name=local-N} and
   * {@code Role=web} (odd N) or {@code Role=worker} (even N).
   */
  public static final class Builder {
    private int port;
    private int s3Port;
    private int instances = 3;
    private long seed = 42L;
    private String accessKeyId = "test";
    private String secretAccessKey = "test";
    private String region = "us-east-1";
    private Duration visibilityDelay = Duration.ofMillis(300);
    private int maxDocumentSize = 64 * 1024;
    private Duration timeoutUnit = Duration.ofSeconds(1);
    private boolean rampUp;
    private FaultSpec faults = FaultSpec.none();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<InstanceSpec> extraInstances = new ArrayList<>();
    private Path workDirectory;
    private Clock clock = Clock.systemUTC();
    private Duration logUploadInterval = Duration.ofSeconds(1);
    private Duration finalLogUploadDelay = Duration.ofMillis(300);
    private double filterLogEventsRate = 5;
    private int maxRequestSize = 4 * 1024 * 1024;
    private Isolation isolation;

    private Builder() {}

    /** The SSM port on 127.0.0.1; 0 (the default) picks a free port. */
    public Builder port(int port) {
      this.port = Checks.port(port, "port");
      return this;
    }

    /** The embedded S3 port on 127.0.0.1; 0 (the default) picks a free port. */
    public Builder s3Port(int s3Port) {
      this.s3Port = Checks.port(s3Port, "s3Port");
      return this;
    }

    /** How many default Linux instances to create (default 3; 0 to 1000). */
    public Builder instances(int instances) {
      this.instances = Checks.range(instances, 0, 1000, "instances");
      return this;
    }

    /** Seed for instance ids and fault randomness (default 42); a SPEC's seed wins for faults. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The only credentials accepted (default {@code test}/{@code test}). */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Checks.text(accessKeyId, "accessKeyId");
      this.secretAccessKey = Checks.text(secretAccessKey, "secretAccessKey");
      return this;
    }

    /** The signing region (default {@code us-east-1}). */
    public Builder region(String region) {
      this.region = Checks.text(region, "region");
      return this;
    }

    /** How long invocations stay invisible after SendCommand (default 300 ms; zero allowed). */
    public Builder visibilityDelay(Duration visibilityDelay) {
      this.visibilityDelay = Checks.notNegative(visibilityDelay, "visibilityDelay");
      return this;
    }

    /** Bytes of document plus parameters above which SendCommand fails (default 64 KiB). */
    public Builder maxDocumentSize(int maxDocumentSize) {
      this.maxDocumentSize = Checks.positive(maxDocumentSize, "maxDocumentSize");
      return this;
    }

    /**
     * Real time that one second of {@code TimeoutSeconds} or {@code executionTimeout} lasts
     * (default 1 s). Tests shrink it, e.g. to 20 ms, to see timeouts without waiting.
     */
    public Builder timeoutUnit(Duration timeoutUnit) {
      this.timeoutUnit = Checks.positive(timeoutUnit, "timeoutUnit");
      return this;
    }

    /**
     * Faults to inject, in the SPEC syntax of {@link FaultSpec#parse}.
     *
     * @throws IllegalArgumentException if the SPEC is invalid
     */
    public Builder faults(String spec) {
      this.faults = FaultSpec.parse(spec);
      return this;
    }

    /** Faults to inject. */
    public Builder faults(FaultSpec faults) {
      this.faults = Objects.requireNonNull(faults, "faults == null");
      return this;
    }

    /** Adds a tag to every instance (overrides a default tag with the same key). */
    public Builder addTag(String key, String value) {
      tags.put(Checks.text(key, "key"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Adds one more instance after the default ones (offline, Windows, custom tags...). */
    public Builder addInstance(InstanceSpec spec) {
      extraInstances.add(Objects.requireNonNull(spec, "spec == null"));
      return this;
    }

    /** Root for instance folders, kept after close; default: a private temp folder, deleted. */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory == null");
      return this;
    }

    /**
     * Whether MaxConcurrency ramps up as the service does: one invocation first, then 2 more, the
     * allowance doubling with each finished invocation up to MaxConcurrency. Off by default, where
     * MaxConcurrency is a fixed cap and every allowed invocation starts at once.
     */
    public Builder rampUp(boolean rampUp) {
      this.rampUp = rampUp;
      return this;
    }

    /**
     * Requires this isolation. Without it the instances are sandboxed where the host allows it
     * and otherwise share the host, which the emulator logs once per JVM. {@link
     * Isolation#SANDBOX} makes {@link #start()} fail with the reason and the fix when the sandbox
     * cannot be built; {@link Isolation#SHARED_HOST} never builds one.
     */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation == null");
      return this;
    }

    /** The clock for timestamps and the visibility window (default: the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How often each agent uploads new complete lines of a running script's output to CloudWatch
     * Logs when the command enables CloudWatch output (default 1 s, the agent's rhythm).
     */
    public Builder logUploadInterval(Duration logUploadInterval) {
      this.logUploadInterval = Checks.positive(logUploadInterval, "logUploadInterval");
      return this;
    }

    /**
     * How long after an invocation's terminal status its last CloudWatch Logs events land (default
     * 300 ms), as events may still arrive on AWS after the status is final. Zero publishes
     * everything before the status is reported.
     */
    public Builder finalLogUploadDelay(Duration finalLogUploadDelay) {
      this.finalLogUploadDelay = Checks.notNegative(finalLogUploadDelay, "finalLogUploadDelay");
      return this;
    }

    /**
     * FilterLogEvents calls per second accepted from all callers together (default 5, the
     * service's default quota per account and region); calls above it get ThrottlingException.
     */
    public Builder filterLogEventsRate(double filterLogEventsRate) {
      if (!(filterLogEventsRate > 0) || Double.isInfinite(filterLogEventsRate)) {
        throw new IllegalArgumentException(
            "filterLogEventsRate must be a positive number of calls per second, got "
                + filterLogEventsRate);
      }
      this.filterLogEventsRate = filterLogEventsRate;
      return this;
    }

    /**
     * The largest request body accepted, in bytes (default 4 MiB); a larger one is answered with
     * HTTP 413 {@code RequestEntityTooLargeException} without being read.
     */
    public Builder maxRequestSize(int maxRequestSize) {
      this.maxRequestSize = Checks.positive(maxRequestSize, "maxRequestSize");
      return this;
    }

    /**
     * Starts the emulator's SSM and S3 servers and returns it.
     *
     * @throws IllegalStateException if {@link Isolation#SANDBOX} was required and this host
     *     cannot build it
     */
    public SsmEmulator start() {
      return new SsmEmulator(this);
    }

    Settings settings(Path root) {
      return new Settings(
          port,
          s3Port,
          accessKeyId,
          secretAccessKey,
          region,
          visibilityDelay,
          maxDocumentSize,
          timeoutUnit,
          rampUp,
          faults,
          seed,
          root,
          Map.copyOf(tags),
          clock,
          new LogsSettings(logUploadInterval, finalLogUploadDelay, filterLogEventsRate),
          maxRequestSize,
          isolation);
    }
  }
}
