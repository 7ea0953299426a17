package dev.ssmrun.internal.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** How the engine reads SDK failures. Pure. */
public final class AwsErrors {
  private AwsErrors() {}

  /** True for throttling, which SSM answers before doing anything. */
  public static boolean isThrottling(Throwable failure) {
    return failure instanceof SdkServiceException service && service.isThrottlingException();
  }

  /**
   * True if waiting and trying again may help: a transport error, a retryable code or throttling.
   * The SDK has already retried such a call; the engine only spaces the next poll.
   */
  public static boolean isTransient(SdkException e) {
    return e instanceof SdkClientException || e.retryable() || isThrottling(e);
  }

  /** The service's error code, else the exception's simple name, for messages. */
  public static String code(SdkException e) {
    if (e instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().errorCode() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }

  /** True if SSM may have run a SendCommand although the caller got an error. */
  public static boolean mayHaveBeenAccepted(SdkException e) {
    if (e instanceof SdkClientException) {
      return true; // Timeout or reset: the request may have arrived.
    }
    return e instanceof SdkServiceException service && service.statusCode() >= 500;
  }
}
