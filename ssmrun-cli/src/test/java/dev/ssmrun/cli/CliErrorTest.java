package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.RunFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class CliErrorTest {
  private static AwsServiceException denied() {
    return AwsServiceException.builder()
        .statusCode(400)
        .requestId("req-123")
        .message(
            "User is not authorized to perform ssm:ListCommandInvocations (Service: Ssm, Status Code: 400, Request ID: req-123) (SDK Attempt Count: 1)")
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("AccessDeniedException")
                .serviceName("Ssm")
                .errorMessage("User is not authorized to perform ssm:ListCommandInvocations")
                .build())
        .build();
  }

  @Test
  void of_accessDenied_oneActionableLinePair_noRequestIdOrAttempts() {
    CliError error = CliError.of(denied(), "SSM in eu-west-1");

    assertThat(error.code()).isEqualTo("access_denied");
    assertThat(error.exitCode()).isEqualTo(255);
    assertThat(error.message())
        .startsWith(
            "SSM denied the request: User is not authorized to perform ssm:ListCommandInvocations")
        .contains("--profile")
        .doesNotContain("req-123", "Attempt", "Exception");
  }

  @Test
  void of_failureAfterSending_namesTheCommandsSent() {
    CommandResult partial = CommandResult.builder().commandIds(List.of("cmd-1", "cmd-2")).build();

    CliError error =
        CliError.of(new RunFailedException("the run failed", partial, denied()), "SSM");

    assertThat(error.message().lines())
        .hasSize(3)
        .last()
        .isEqualTo("commands already sent (ssmrun cancelled what still ran): cmd-1 cmd-2");
  }

  @Test
  void of_noRegion_saysWhichFlagAndVariable() {
    CliError error =
        CliError.of(
            SdkClientException.create("Unable to load region from any of the providers"), "SSM");

    assertThat(error.code()).isEqualTo("no_region");
    assertThat(error.message()).contains("--region", "AWS_REGION", "--local");
  }

  @Test
  void of_namedProfileWithoutCredentials_namesTheProfileAndTheFiles() {
    CliError error =
        CliError.of(
            SdkClientException.create(
                "Profile file contained no credentials for profile 'prod': ProfileFile(sections=[])"),
            "SSM");

    assertThat(error.message())
        .contains("'prod'", "AWS_CONFIG_FILE")
        .doesNotContain("ProfileFile(");
  }

  @Test
  void of_unexpected_saysToUseDebug() {
    CliError error = CliError.of(new IllegalStateException("boom"), "SSM");

    assertThat(error.code()).isEqualTo("internal");
    assertThat(error.message()).contains("boom", "--debug").doesNotContain("IllegalStateException");
  }
}
