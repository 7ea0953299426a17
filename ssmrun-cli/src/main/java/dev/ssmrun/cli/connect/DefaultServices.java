package dev.ssmrun.cli.connect;

import dev.ssmrun.cli.convert.KeyValue;
import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.Platform;
import dev.ssmrun.emulator.SsmEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The real world: AWS clients from the default chains, the embedded emulator, the terminal. */
public final class DefaultServices implements Services {
  @Override
  public AwsClients connect(AwsSettings settings, DebugLog debug) {
    List<AutoCloseable> shared = new ArrayList<>();
    SdkHttpClient http = UrlConnectionHttpClient.create(DefaultServices::openConnection);
    shared.add(http);
    try {
      AwsCredentialsProvider credentials = credentials(settings);
      if (credentials instanceof AutoCloseable closeable) {
        shared.add(0, closeable);
      }
      Common common = new Common(http, credentials, region(settings), overrides(settings, debug));
      return new AwsClients(
          common.build(SsmClient.builder(), settings.endpointUrl()),
          () -> common.build(s3(settings), settings.s3EndpointUrl()),
          () -> common.build(CloudWatchLogsClient.builder(), settings.logsEndpointUrl()),
          shared);
    } catch (RuntimeException e) {
      AwsClients.closeAll(shared);
      throw e;
    }
  }

  /** What a command's clients share; each has its own endpoint (null: the SDK's chain decides). */
  private record Common(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      ClientOverrideConfiguration override) {
    <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(
        B builder, URI endpoint) {
      builder.httpClient(http).credentialsProvider(credentials).region(region);
      builder.overrideConfiguration(override);
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      return builder.build();
    }
  }

  /**
   * The JDK's own connection: TLS is set up on the first https call only, not before every
   * command (the SDK's default factory builds an SSL context up front, about 100 ms). Proxies come
   * from the JVM's settings (-Dhttps.proxyHost).
   */
  private static java.net.HttpURLConnection openConnection(URI uri) {
    try {
      return (java.net.HttpURLConnection) uri.toURL().openConnection();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An endpoint of one's own (an emulator's S3, MinIO) is addressed path-style. */
  private static S3ClientBuilder s3(AwsSettings settings) {
    return S3Client.builder().forcePathStyle(settings.s3EndpointUrl() != null);
  }

  private static AwsCredentialsProvider credentials(AwsSettings settings) {
    if (settings.credentials() != null) {
      return StaticCredentialsProvider.create(settings.credentials());
    }
    return settings.profile() == null
        ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
  }

  private static ClientOverrideConfiguration overrides(AwsSettings settings, DebugLog debug) {
    var override = ClientOverrideConfiguration.builder();
    if (settings.profile() != null) {
      override.defaultProfileName(settings.profile());
    }
    if (debug.enabled()) {
      override.addExecutionInterceptor(new DebugInterceptor(debug));
    }
    return override.build();
  }

  /** As the AWS CLI: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. */
  private Region region(AwsSettings settings) {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    String fromEnvironment = AwsEnvironment.region(environment());
    if (fromEnvironment != null) {
      return Region.of(fromEnvironment);
    }
    var chain = DefaultAwsRegionProviderChain.builder();
    if (settings.profile() != null) {
      chain.profileName(settings.profile());
    }
    return chain.build().getRegion();
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    var builder = SsmEmulator.builder().port(settings.port()).instances(settings.instances());
    for (KeyValue tag : settings.tags()) {
      builder.addTag(tag.key(), tag.value());
    }
    if (settings.faults() != null) {
      builder.faults(settings.faults());
    }
    for (int n = 0; n < settings.windows(); n++) {
      builder.addInstance(InstanceSpec.builder().platform(Platform.WINDOWS).build());
    }
    if (settings.sharedHost()) {
      builder.isolation(Isolation.SHARED_HOST);
    }
    return builder.start();
  }

  @Override
  public Map<String, String> environment() {
    return System.getenv();
  }

  /**
   * Where /proc/self/fd/N points (Linux). Without /proc the answer is no: no colours and no status
   * line is the safe side for scripts.
   */
  @Override
  public boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
