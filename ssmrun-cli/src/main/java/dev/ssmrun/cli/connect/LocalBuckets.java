package dev.ssmrun.cli.connect;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** With --local, the output bucket is created in the embedded S3, as a user would on AWS. */
public final class LocalBuckets {
  private LocalBuckets() {}

  public static void ensure(S3Client s3, String bucket) {
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // Nothing to do.
    }
  }
}
