package dev.ssmrun.internal.staging;

import dev.ssmrun.RunRequest;
import dev.ssmrun.StagingException;
import java.util.ArrayList;
import java.util.List;

/** Why a run must stage its payload in S3, in the caller's words. Pure. */
final class StagingReasons {
  private StagingReasons() {}

  /**
   * The reasons {@code request} must be staged, given that its rendered SendCommand parameters
   * take {@code size} bytes (or, if not {@code measured}, that its script has {@code size}
   * characters) and the runner stages above {@code threshold}; empty if it may go inline.
   */
  static List<String> of(RunRequest request, long size, boolean measured, long threshold) {
    List<String> reasons = new ArrayList<>();
    if (size > threshold) {
      reasons.add(
          (measured
                  ? "the script, its arguments and environment make a SendCommand of "
                  : "the script alone has ")
              + String.format("%,d", size)
              + (measured ? " bytes" : " characters")
              + " (ssmrun stages above "
              + String.format("%,d", threshold)
              + " bytes; SSM refuses about 64 KB)");
    }
    if (!request.payload().secretEnvironment().isEmpty()) {
      reasons.add(
          "secret environment ("
              + String.join(", ", request.payload().secretEnvironment().keySet())
              + ") travels only inside a staged payload");
    }
    if (request.staging().input().isPresent()) {
      reasons.add("the input (input) is staged for the script");
    } else if (request.staging().collectResults()) {
      reasons.add("results (collectResults) are uploaded through presigned URLs");
    }
    if (request.staging().forced()) {
      reasons.add("stage(true) asks for it");
    }
    return reasons;
  }

  /**
   * Throws if a run without a staging location needs one.
   *
   * @throws StagingException naming the reasons and how to set a location.
   */
  static void requireLocation(RunRequest request, List<String> reasons) {
    if (!reasons.isEmpty()) {
      throw new StagingException(
          StagingException.Reason.NO_LOCATION,
          "this run needs a staging location: "
              + String.join("; ", reasons)
              + ". Set one with SsmRunner.Builder.staging(StagingLocation.of(\"my-bucket\")) or"
              + " RunRequest.Builder.staging(...): ssmrun uploads the payload there and the"
              + " instances download it through presigned URLs; nothing was sent");
    }
    if (request.output().alwaysFromS3() && request.output().s3Bucket().isEmpty()) {
      throw new StagingException(
          StagingException.Reason.NO_LOCATION,
          "outputFromS3(true) needs an S3 location for the output: set outputS3(bucket, prefix)"
              + " or a staging location; nothing was sent");
    }
  }
}
