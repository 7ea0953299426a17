package dev.ssmrun.cli;

import dev.ssmrun.CommandNotFoundException;
import dev.ssmrun.NoInstancesMatchedException;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.SsmRunException;
import dev.ssmrun.StagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An error in the caller's words: a stable {@code code} for JSON output, one or two lines a person
 * can act on, and the exit code. SDK vocabulary (exception classes, attempt counts, request ids)
 * never reaches {@link #message()}; {@code --debug} prints the full chain.
 */
public record CliError(String code, String message, int exitCode) {
  private static final Set<String> DENIED =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "InvalidClientTokenId",
          "ExpiredToken",
          "ExpiredTokenException",
          "AuthFailure");

  /** Something asked for is not there (e.g. an instance the command did not run on): 255. */
  static CliError notFound(String code, String message) {
    return unreachable(code, message);
  }

  static CliError usage(String message) {
    return new CliError("usage", message, ExitCodes.USAGE);
  }

  /**
   * Classifies {@code error}; {@code where} names the SSM endpoint as the user knows it, e.g.
   * {@code http://127.0.0.1:4566} or {@code SSM in eu-west-1}.
   */
  public static CliError of(Throwable error, String where) {
    if (error instanceof CliException known) {
      return known.error();
    }
    if (error instanceof PreflightException) {
      return unreachable(
          "preflight_failed",
          error.getMessage()
              + "\n(--wait-online DURATION waits for them; --no-preflight skips the check;"
              + " --document picks shell, powershell or auto)");
    }
    if (error instanceof NoInstancesMatchedException) {
      return unreachable("no_instance_matched", error.getMessage());
    }
    StagingException staging = find(error, StagingException.class);
    if (staging != null) {
      return StagingErrors.of(staging);
    }
    if (error instanceof CommandNotFoundException) {
      return unreachable("command_not_found", error.getMessage());
    }
    AwsServiceException service = find(error, AwsServiceException.class);
    if (service != null) {
      return withContext(error, ofService(service));
    }
    SdkClientException client = find(error, SdkClientException.class);
    if (client != null) {
      return withContext(error, ofClient(client, where));
    }
    if (error instanceof SsmRunException) {
      return unreachable("error", withoutSdkNoise(error.getMessage()));
    }
    return unreachable(
        "internal",
        "unexpected error: "
            + withoutSdkNoise(String.valueOf(error.getMessage()))
            + " (run again with --debug for details)");
  }

  private static CliError ofService(AwsServiceException e) {
    String service = serviceName(e);
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    String text =
        e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
            ? "HTTP " + e.statusCode()
            : e.awsErrorDetails().errorMessage();
    if (e.isThrottlingException()) {
      return unreachable(
          "throttled",
          service
              + " kept throttling the requests (rate exceeded) beyond the retries; try again in a"
              + " moment, or run fewer commands at once in this account and region");
    }
    if (e.statusCode() == 403 || DENIED.contains(code)) {
      return unreachable(
          "access_denied",
          service
              + " denied the request: "
              + text
              + "\nCheck the credentials (--profile, AWS_PROFILE) and their IAM permissions.");
    }
    return unreachable("aws_error", service + " refused the request (" + code + "): " + text);
  }

  private static CliError ofClient(SdkClientException e, String where) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load region")) {
      return unreachable(
          "no_region",
          "no AWS region found: pass --region, set AWS_REGION, or set a region in your AWS"
              + " profile (or try --local for the embedded emulator)");
    }
    if (message.startsWith("Unable to load credentials")) {
      return unreachable(
          "no_credentials",
          "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass"
              + " --profile, or configure a default profile (or try --local for the embedded"
              + " emulator)");
    }
    java.util.regex.Matcher profile =
        java.util.regex.Pattern.compile("for profile '([^']*)'").matcher(message);
    if (message.contains("Profile file contained no credentials") && profile.find()) {
      return unreachable(
          "no_credentials",
          "the AWS profile '"
              + profile.group(1)
              + "' does not exist or has no credentials (AWS_CONFIG_FILE,"
              + " AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/config and ~/.aws/credentials)");
    }
    Throwable network = networkCause(e);
    if (network != null) {
      return unreachable(
          "endpoint_unreachable",
          "cannot reach "
              + where
              + " ("
              + describe(network)
              + "); check --endpoint-url, AWS_ENDPOINT_URL, --region and the network");
    }
    return unreachable("aws_client", withoutSdkNoise(message));
  }

  /**
   * A run that failed after it began names the commands it had sent (and cancelled) on a second
   * line; when nothing was sent, the SDK error's own line says it all.
   */
  private static CliError withContext(Throwable top, CliError classified) {
    if (top instanceof RunFailedException failed && !failed.commandIds().isEmpty()) {
      return new CliError(
          classified.code(),
          classified.message()
              + "\ncommands already sent (ssmrun cancelled what still ran): "
              + String.join(" ", failed.commandIds()),
          classified.exitCode());
    }
    return classified;
  }

  private static CliError unreachable(String code, String message) {
    return new CliError(code, message, ExitCodes.UNREACHABLE);
  }

  private static String serviceName(AwsServiceException e) {
    String name = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
    return name == null || name.isEmpty() ? "AWS" : name.toUpperCase(java.util.Locale.ROOT);
  }

  /** What kept a call from its endpoint ({@code connection refused}, ...), or null if not that. */
  static String networkProblem(Throwable e) {
    Throwable network = networkCause(e);
    return network == null ? null : describe(network);
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        return t;
      }
    }
    return null;
  }

  private static String describe(Throwable network) {
    if (network instanceof UnknownHostException) {
      return "unknown host " + network.getMessage();
    }
    if (network instanceof SocketTimeoutException) {
      return "timed out";
    }
    if (network instanceof NoRouteToHostException) {
      return "no route to host";
    }
    return "connection refused";
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Drops the SDK's "(SDK Attempt Count: N)" and request-id suffixes: they go to --debug. */
  public static String withoutSdkNoise(String message) {
    return message
        .replaceAll(" ?\\(SDK Attempt Count: \\d+\\)", "")
        .replaceAll(" ?\\((Service: [^)]*|Request ID: [^)]*)\\)", "");
  }
}
