package dev.ssmrun.internal.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A per-request plugin for SendCommand: keeps the client's own retry strategy (attempts, backoff)
 * but lets it retry only throttling, which SSM rejects before running anything. A timeout, a 5xx
 * or a reset connection may come after SSM accepted the command, so those are not retried here;
 * the sender reconciles with ListCommands instead.
 */
final class SendRetryGuard implements SdkPlugin {
  @Override
  public void configureClient(SdkServiceClientConfiguration.Builder config) {
    ClientOverrideConfiguration override = config.overrideConfiguration();
    RetryStrategy base = override.retryStrategy().orElseGet(AwsRetryStrategy::defaultRetryStrategy);
    config.overrideConfiguration(
        override.toBuilder().retryStrategy(new ThrottleOnly(base)).build());
  }

  /** Delegates to the client's strategy, refusing every retry that is not for throttling. */
  private static final class ThrottleOnly implements RetryStrategy {
    private final RetryStrategy delegate;

    ThrottleOnly(RetryStrategy delegate) {
      this.delegate = delegate;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
      return delegate.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
      if (!AwsErrors.isThrottling(request.failure())) {
        throw new TokenAcquisitionFailedException(
            "SendCommand is never retried blindly", request.token(), request.failure());
      }
      return delegate.refreshRetryToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
      return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
      return delegate.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
      return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
      return delegate.toBuilder();
    }
  }
}
