package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.StagingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The library's staging refusals (as its ITs and StagingRunTest produce them), in CLI words. */
class StagingErrorsTest {
  private static S3Exception s3(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  @Test
  void needsALocation_usageError_namesTheOptions_notTheLibrarysMethods() {
    CliError error =
        CliError.of(
            new StagingException(
                StagingException.Reason.NO_LOCATION,
                "this run needs a staging location: the script alone has 100,052 characters"
                    + " (ssmrun stages above 49,152 bytes; SSM refuses about 64 KB); stage(true)"
                    + " asks for it. Set one with SsmRunner.Builder.staging(StagingLocation.of("
                    + "\"my-bucket\")) or RunRequest.Builder.staging(...): ssmrun uploads the"
                    + " payload there and the instances download it through presigned URLs;"
                    + " nothing was sent"),
            "SSM");

    assertThat(error.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(error.code()).isEqualTo("usage");
    assertThat(error.message())
        .isEqualTo(
            "this run needs a staging bucket: the script alone has 100,052 characters (ssmrun"
                + " stages above 49,152 bytes; SSM refuses about 64 KB); --stage asks for it;"
                + " pass --staging-bucket BUCKET (or set SSMRUN_STAGING_BUCKET; --local has one);"
                + " nothing was sent");
  }

  @Test
  void missingOrDeniedBucket_255_namesTheBucketAndTheOption() {
    CliError missing =
        CliError.of(
            new StagingException(
                StagingException.Reason.BUCKET_NOT_FOUND,
                "the staging bucket 'gone' does not exist (HeadBucket: 404 NoSuchBucket): create"
                    + " it in us-east-1, or name another one; nothing was sent",
                s3(404, "NoSuchBucket")),
            "SSM");
    CliError denied =
        CliError.of(
            new StagingException(
                StagingException.Reason.ACCESS_DENIED,
                "cannot write s3://b1b/ssmrun/x/script-ab (403 AccessDenied): the S3 client's"
                    + " credentials need s3:PutObject (and s3:GetObject, s3:DeleteObject)"
                    + " there; nothing was sent",
                s3(403, "AccessDenied")),
            "SSM");

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(missing.code()).isEqualTo("bucket_not_found");
    assertThat(missing.message())
        .startsWith("the staging bucket (--staging-bucket) 'gone' does not exist");
    assertThat(denied.code()).isEqualTo("access_denied");
    assertThat(denied.message())
        .contains("s3://b1b/ssmrun/x/script-ab", "the credentials (--profile, AWS_PROFILE) need")
        .doesNotContain("S3 client");
  }

  @Test
  void s3Unreachable_namesTheS3Options() {
    CliError error =
        CliError.of(
            new StagingException(
                StagingException.Reason.UNREACHABLE,
                "cannot reach S3 to check the output bucket 'logs' (Unable to execute HTTP"
                    + " request (SDK Attempt Count: 4)): give the runner an S3 client for the"
                    + " instances' region (SsmRunner.Builder.s3Client); nothing was sent",
                SdkClientException.create("Unable to execute", new ConnectException("refused"))),
            "SSM");

    assertThat(error.code()).isEqualTo("endpoint_unreachable");
    assertThat(error.message())
        .isEqualTo(
            "cannot reach S3 to check the output bucket 'logs' (connection refused); check"
                + " --s3-endpoint-url, AWS_ENDPOINT_URL_S3, --region and the network; nothing"
                + " was sent");
  }
}
