package dev.ssmrun.cli.connect;

import dev.ssmrun.cli.CliError;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Logs each API call once it ended: service, operation, endpoint (scheme, host and port only),
 * HTTP status, duration, attempts and request id. Bodies, headers and query strings are never
 * read, so scripts, environment values, credentials and presigned URLs cannot leak.
 */
final class DebugInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED =
      new ExecutionAttribute<>("ssmrun.debug.started");
  private static final ExecutionAttribute<AtomicInteger> ATTEMPTS =
      new ExecutionAttribute<>("ssmrun.debug.attempts");

  private final DebugLog log;

  DebugInterceptor(DebugLog log) {
    this.log = log;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
    attributes.putAttribute(ATTEMPTS, new AtomicInteger());
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
    if (attempts != null) {
      attempts.incrementAndGet();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    log.log(
        call(attributes, context.httpRequest())
            + ": HTTP "
            + response.statusCode()
            + timing(attributes)
            + requestId(response));
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable error = context.exception();
    String outcome;
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      outcome =
          "HTTP "
              + service.statusCode()
              + " "
              + service.awsErrorDetails().errorCode()
              + Optional.ofNullable(service.requestId()).map(id -> ", request id " + id).orElse("");
    } else {
      outcome = "failed: " + CliError.withoutSdkNoise(String.valueOf(error.getMessage()));
    }
    SdkHttpRequest request = context.httpRequest().orElse(null);
    log.log(call(attributes, request) + ": " + outcome + timing(attributes));
  }

  private static String call(ExecutionAttributes attributes, SdkHttpRequest request) {
    String service =
        String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
            .toUpperCase(java.util.Locale.ROOT);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String endpoint =
        request == null
            ? ""
            : " " + request.protocol() + "://" + request.host() + port(request.protocol(), request);
    return service + " " + operation + endpoint;
  }

  private static String port(String protocol, SdkHttpRequest request) {
    int port = request.port();
    boolean standard =
        ("https".equals(protocol) && port == 443) || ("http".equals(protocol) && port == 80);
    return standard ? "" : ":" + port;
  }

  private static String timing(ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
    long millis = started == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int n = attempts == null ? 0 : attempts.get();
    return " in " + millis + " ms, " + n + (n == 1 ? " attempt" : " attempts");
  }

  private static String requestId(SdkHttpResponse response) {
    return response
        .firstMatchingHeader("x-amzn-RequestId")
        .or(() -> response.firstMatchingHeader("x-amz-request-id"))
        .map(id -> ", request id " + id)
        .orElse("");
  }
}
