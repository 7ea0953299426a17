package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsSetupHintsTest {
  @Test
  void forException_noRegion_saysHowToSetOne() {
    SdkClientException ex =
        SdkClientException.create("Unable to load region from any of the providers in the chain");

    assertThat(AwsSetupHints.forException(ex)).contains("--region", "AWS_REGION", "--local");
  }

  @Test
  void forException_noCredentials_saysHowToProvideThem() {
    SdkClientException ex =
        SdkClientException.create("Unable to load credentials from any of the providers");

    assertThat(AwsSetupHints.forException(ex))
        .contains("AWS_ACCESS_KEY_ID", "--profile", "--local");
  }

  @Test
  void forException_otherErrors_noHint() {
    assertThat(AwsSetupHints.forException(new IllegalStateException("x"))).isNull();
    assertThat(AwsSetupHints.forException(SdkClientException.create("connection refused")))
        .isNull();
  }
}
