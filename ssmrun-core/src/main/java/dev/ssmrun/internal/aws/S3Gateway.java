package dev.ssmrun.internal.aws;

import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The S3 calls the engine makes: a narrow port, faked in unit tests. Thread-safe: output is read on
 * transfer threads while a run's driver stages and cleans up. SDK exceptions pass through.
 */
public interface S3Gateway {
  /** The bucket's region, if S3 says (HeadBucket). */
  Optional<String> headBucket(String bucket);

  /** Writes {@code body} to {@code bucket/key}, encrypted as {@code encryption} says. */
  void put(String bucket, String key, Body body, Encryption encryption);

  /**
   * Bytes {@code first} to {@code last} (inclusive) of an object, or empty if it does not exist.
   * A range past the end of the object gives what there is; an empty object gives no bytes.
   */
  Optional<Part> get(String bucket, String key, long first, long last);

  /** Every key under {@code prefix}. */
  List<String> list(String bucket, String prefix);

  /** Deletes {@code keys}, in as few calls as S3 allows. */
  void delete(String bucket, List<String> keys);

  /** A URL that GETs {@code bucket/key} for {@code lifetime}, with no credentials. */
  String presignGet(String bucket, String key, Duration lifetime);

  /** A URL (and the headers to send with it) that PUTs {@code bucket/key} for {@code lifetime}. */
  Presigned presignPut(String bucket, String key, Duration lifetime, Encryption encryption);

  /** When the credentials that sign URLs expire, if they do (session credentials). */
  Optional<Instant> credentialsExpiry();

  /** An object's content: bytes in memory (not copied: do not change them) or a file. */
  final class Body {
    private final byte[] bytes;
    private final Path file;

    private Body(byte[] bytes, Path file) {
      this.bytes = bytes;
      this.file = file;
    }

    public static Body of(byte[] bytes) {
      return new Body(bytes, null);
    }

    public static Body of(Path file) {
      return new Body(null, file);
    }

    /** The bytes, or null for a file. */
    public byte[] bytes() {
      return bytes;
    }

    /** The file, or null for bytes. */
    public Path file() {
      return file;
    }
  }

  /** Server-side encryption: SSE-S3, or SSE-KMS when a key is given. */
  record Encryption(String kmsKeyId) {
    public static final Encryption SSE_S3 = new Encryption(null);

    /** The {@code x-amz-server-side-encryption} value. */
    public String algorithm() {
      return kmsKeyId == null ? "AES256" : "aws:kms";
    }
  }

  /** A presigned URL and the headers its request must carry, name to value. */
  record Presigned(String url, Map<String, String> headers) {
    public Presigned {
      headers = Map.copyOf(headers);
    }
  }

  /** Part of an object: its bytes, and the whole object's size. The reader closes it. */
  record Part(InputStream body, long objectSize) implements Closeable {
    @Override
    public void close() throws java.io.IOException {
      body.close();
    }
  }
}
