package dev.ssmrun.internal.staging;

import dev.ssmrun.StagingException;
import dev.ssmrun.StagingException.Reason;
import dev.ssmrun.internal.aws.S3Gateway;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Checks, before anything is sent, that a bucket exists, is ours to use and is in our region. */
final class Buckets {
  private static final String NOTHING_SENT = "; nothing was sent";

  private Buckets() {}

  /**
   * HeadBucket on {@code bucket} (the {@code role} bucket: staging or output).
   *
   * @throws StagingException if it is missing, denied, in another region than {@code region}, or
   *     S3 cannot be reached.
   */
  static void check(S3Gateway s3, String bucket, String role, String region) {
    Optional<String> where;
    try {
      where = s3.headBucket(bucket);
    } catch (AwsServiceException e) {
      throw refused(e, bucket, role, region);
    } catch (SdkClientException e) {
      throw new StagingException(
          Reason.UNREACHABLE,
          "cannot reach S3 to check the "
              + role
              + " bucket '"
              + bucket
              + "' ("
              + e.getMessage()
              + "): give the runner an S3 client for the instances' region"
              + " (SsmRunner.Builder.s3Client)"
              + NOTHING_SENT,
          e);
    }
    where
        .filter(r -> region != null && !r.equals(region))
        .ifPresent(
            r -> {
              throw otherRegion(bucket, role, r, region, null);
            });
  }

  /** A StagingException for an upload of {@code key} that S3 refused. */
  static StagingException uploadRefused(SdkException e, String bucket, String key) {
    return new StagingException(
        reasonOf(e),
        "cannot write s3://"
            + bucket
            + "/"
            + key
            + " ("
            + describe(e)
            + "): the S3 client's credentials need s3:PutObject (and s3:GetObject,"
            + " s3:DeleteObject) there"
            + NOTHING_SENT,
        e);
  }

  private static StagingException refused(
      AwsServiceException e, String bucket, String role, String region) {
    String found =
        e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
            ? null
            : e.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("x-amz-bucket-region")
                .orElse(null);
    if (found != null && region != null && !found.equals(region)) {
      return otherRegion(bucket, role, found, region, e);
    }
    String what = "the " + role + " bucket '" + bucket + "'";
    return switch (e.statusCode()) {
      case 404 ->
          new StagingException(
              Reason.BUCKET_NOT_FOUND,
              what
                  + " does not exist (HeadBucket: 404 NoSuchBucket): create it in "
                  + region
                  + ", or name another one"
                  + NOTHING_SENT,
              e);
      case 403 ->
          new StagingException(
              Reason.ACCESS_DENIED,
              "access to "
                  + what
                  + " is denied (HeadBucket: 403 Forbidden): check the S3 client's credentials;"
                  + " they need s3:ListBucket on the bucket and s3:PutObject, s3:GetObject and"
                  + " s3:DeleteObject in it"
                  + NOTHING_SENT,
              e);
      default ->
          new StagingException(
              Reason.S3_ERROR,
              "cannot use " + what + " (HeadBucket: " + describe(e) + ")" + NOTHING_SENT,
              e);
    };
  }

  private static StagingException otherRegion(
      String bucket, String role, String found, String region, Throwable cause) {
    return new StagingException(
        Reason.OTHER_REGION,
        "the "
            + role
            + " bucket '"
            + bucket
            + "' is in "
            + found
            + ", the instances (the SSM client) in "
            + region
            + ": SSM writes output and instances download staged objects only from a bucket in"
            + " their region; use a bucket in "
            + region
            + NOTHING_SENT,
        cause);
  }

  /** The reason of a refused request: no rights, unreachable, or anything else. */
  static Reason reasonOf(SdkException e) {
    if (e instanceof AwsServiceException aws) {
      return aws.statusCode() == 403 ? Reason.ACCESS_DENIED : Reason.S3_ERROR;
    }
    return e instanceof SdkClientException ? Reason.UNREACHABLE : Reason.S3_ERROR;
  }

  static String describe(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      return aws.statusCode() + (code == null ? "" : " " + code);
    }
    return e.getMessage();
  }
}
