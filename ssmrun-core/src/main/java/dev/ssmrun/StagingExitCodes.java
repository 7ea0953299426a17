package dev.ssmrun;

/**
 * The exit codes of ssmrun's bootstrap, the short script SSM runs instead of a staged payload. Each
 * comes with one line on stderr starting with {@code ssmrun:}; otherwise the exit code is the
 * script's own.
 */
public final class StagingExitCodes {
  /** The staged payload could not be downloaded (URL expired, S3 unreachable, no curl/wget/python3). */
  public static final int DOWNLOAD_FAILED = 90;

  /** A staged object does not match its SHA-256 (it changed after upload): nothing of it ran. */
  public static final int CHECKSUM_MISMATCH = 91;

  /** No tool to check SHA-256 (openssl, sha256sum, shasum; or Get-FileHash): nothing ran. */
  public static final int NO_CHECKSUM_TOOL = 92;

  /** The script exited 0 but its result could not be uploaded. */
  public static final int RESULT_UPLOAD_FAILED = 93;

  /**
   * The instance has no result URL: it matched the tag targets only after ssmrun resolved them
   * (with DescribeInstanceInformation) when it prepared the run. Nothing ran.
   */
  public static final int NOT_PREPARED = 94;

  private StagingExitCodes() {}
}
