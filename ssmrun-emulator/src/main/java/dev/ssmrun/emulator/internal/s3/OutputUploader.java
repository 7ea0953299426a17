package dev.ssmrun.emulator.internal.s3;

/** Puts a command's full output into S3 and names its URL. */
public interface OutputUploader {
  /** Uploads {@code data}; failures are swallowed, as the agent only logs them. */
  void upload(String bucket, String key, byte[] data);

  /** The URL reported as StandardOutputUrl / StandardErrorUrl for an object. */
  String url(String bucket, String key);
}
