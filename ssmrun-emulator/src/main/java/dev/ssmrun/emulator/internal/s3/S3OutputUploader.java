package dev.ssmrun.emulator.internal.s3;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads command output to the embedded S3 through the SDK, as the agent does. */
public final class S3OutputUploader implements OutputUploader {
  private final S3Client s3;
  private final URI endpoint;

  /** Uses {@code s3}, whose endpoint is {@code endpoint}; the caller closes the client. */
  public S3OutputUploader(S3Client s3, URI endpoint) {
    this.s3 = s3;
    this.endpoint = endpoint;
  }

  @Override
  public void upload(String bucket, String key, byte[] data) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
    } catch (SdkException e) {
      // The agent only logs a failed upload; the command's status is unaffected.
    }
  }

  @Override
  public String url(String bucket, String key) {
    return endpoint + "/" + bucket + "/" + key;
  }
}
