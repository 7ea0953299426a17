package dev.ssmrun.cli.connect;

import dev.ssmrun.cli.convert.FaultSpecConverter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command's API calls go, shared by every command that talks to SSM: AWS as the AWS CLI
 * would reach it (its environment variables and config files included), an endpoint such as an
 * {@code ssmrun emulator} started separately, or an embedded emulator ({@code --local}).
 */
public final class ConnectionOptions {
  /** Simulated instances for {@code --local} without {@code --local-instances}. */
  public static final int DEFAULT_LOCAL_INSTANCES = 3;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's). Example:"
              + " --region eu-west-1")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "AWS profile for credentials, region and endpoint (default: AWS_PROFILE or 'default';"
              + " role_arn, credential_source, web identity and SSO profiles work). Example:"
              + " --profile prod")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "SSM endpoint, e.g. an 'ssmrun emulator' started separately (default:"
              + " AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, the profile's endpoint_url, then AWS's)."
              + " Example: --endpoint-url http://127.0.0.1:4566")
  URI endpointUrl;

  @Option(
      names = "--s3-endpoint-url",
      paramLabel = "URL",
      description =
          "S3 endpoint for output buckets (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, then"
              + " AWS's). Example: --s3-endpoint-url http://127.0.0.1:4567")
  URI s3EndpointUrl;

  @Option(
      names = "--logs-endpoint-url",
      paramLabel = "URL",
      description =
          "CloudWatch Logs endpoint for -F/--follow (default: --endpoint-url when given, as an"
              + " 'ssmrun emulator' or LocalStack serves both; else AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,"
              + " AWS_ENDPOINT_URL, then AWS's). A VPC endpoint of SSM does not serve Logs: name"
              + " the Logs one here. Example: --logs-endpoint-url https://logs.eu-west-1.amazonaws.com")
  URI logsEndpointUrl;

  @Option(
      names = "--local",
      description =
          "Use an embedded local emulator (no AWS account needed); without -i or -t, every"
              + " local instance is targeted. Example: --local")
  boolean local;

  @Option(
      names = "--local-instances",
      paramLabel = "N",
      description = "Simulated instances for --local (default: 3). Example: --local-instances 10")
  Integer localInstances;

  @Option(
      names = "--local-faults",
      paramLabel = "SPEC",
      converter = FaultSpecConverter.class,
      description =
          "Faults for --local, as for 'ssmrun emulator --faults'. Example:"
              + " --local-faults throttle=0.2,SendCommand:lose=0.1,seed=7")
  String localFaults;

  /** True with {@code --local}: an embedded emulator. */
  public boolean local() {
    return local;
  }

  /** Refuses combinations that cannot mean anything; nothing is started or sent. */
  public void validate() {
    if (local) {
      List<String> remote = new ArrayList<>();
      addIf(remote, endpointUrl != null, "--endpoint-url");
      addIf(remote, s3EndpointUrl != null, "--s3-endpoint-url");
      addIf(remote, logsEndpointUrl != null, "--logs-endpoint-url");
      addIf(remote, region != null, "--region");
      addIf(remote, profile != null, "--profile");
      if (!remote.isEmpty()) {
        throw usage(
            "--local runs against an embedded emulator and cannot be combined with "
                + String.join(", ", remote)
                + "; drop one or the other");
      }
      if (localInstances != null && localInstances < 1) {
        throw usage("--local-instances must be at least 1");
      }
    } else {
      if (localInstances != null) {
        throw usage("--local-instances needs --local");
      }
      if (localFaults != null) {
        throw usage("--local-faults needs --local");
      }
    }
  }

  /**
   * Refuses {@code --local} for a command that acts on a command id: the embedded emulator starts
   * empty and stops with ssmrun, so no earlier command is in it.
   */
  public void refuseLocal(String command) {
    if (local) {
      throw usage(
          "--local starts a new, empty emulator that holds no earlier command, so 'ssmrun "
              + command
              + "' cannot use it: start 'ssmrun emulator' and pass its --endpoint-url to"
              + " 'ssmrun run --no-wait' and to 'ssmrun "
              + command
              + "'");
    }
  }

  int localInstanceCount() {
    return localInstances == null ? DEFAULT_LOCAL_INSTANCES : localInstances;
  }

  AwsSettings awsSettings() {
    URI logs = logsEndpointUrl != null ? logsEndpointUrl : endpointUrl;
    return AwsSettings.of(region, profile, endpointUrl, s3EndpointUrl, logs);
  }

  /** The SSM endpoint in the user's terms, for error messages. */
  public String where(Map<String, String> env) {
    if (local) {
      return "the embedded emulator";
    }
    if (endpointUrl != null) {
      return endpointUrl.toString();
    }
    String fromEnvironment = AwsEnvironment.ssmEndpoint(env);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    String r = region != null ? region : AwsEnvironment.region(env);
    return r == null ? "SSM" : "SSM in " + r;
  }

  private static void addIf(List<String> list, boolean condition, String name) {
    if (condition) {
      list.add(name);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
