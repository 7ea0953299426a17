package dev.ssmrun.internal.fake;

import dev.ssmrun.internal.aws.S3Gateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An in-memory S3 with buckets, objects, ranges and presigned URLs that are plain strings. Counts
 * every call; thread-safe, as the engine reads output on transfer threads. Hand-written.
 */
public final class FakeS3Gateway implements S3Gateway {
  private final Map<String, Map<String, byte[]>> buckets = new LinkedHashMap<>();
  private final Map<String, String> regions = new HashMap<>();
  private final Map<String, Encryption> encryption = new HashMap<>();
  private final Map<String, Integer> calls = new LinkedHashMap<>();

  /** Buckets whose HeadBucket is denied (403). */
  public final Set<String> denied = new HashSet<>();

  /** If true, every PutObject is denied (403 AccessDenied). */
  public boolean refusePuts;

  /** If true, every GetObject is denied (403 AccessDenied). */
  public boolean refuseGets;

  /** If true, DeleteObjects fails. */
  public boolean refuseDeletes;

  /** When the signing credentials expire; null: never. */
  public Instant credentialsExpiry;

  /** Every presigned URL's lifetime, in order. */
  public final List<Duration> lifetimes = new ArrayList<>();

  /** Keys of every presigned PUT, in order. */
  public final List<String> presignedPuts = new ArrayList<>();

  public synchronized void createBucket(String bucket) {
    buckets.putIfAbsent(bucket, new LinkedHashMap<>());
  }

  public synchronized void createBucket(String bucket, String region) {
    createBucket(bucket);
    regions.put(bucket, region);
  }

  /** The keys in {@code bucket}, in the order they were written. */
  public synchronized List<String> keys(String bucket) {
    return new ArrayList<>(bucket(bucket).keySet());
  }

  public synchronized byte[] object(String bucket, String key) {
    return bucket(bucket).get(key);
  }

  public synchronized void putObject(String bucket, String key, byte[] bytes) {
    bucket(bucket).put(key, bytes.clone());
  }

  public synchronized Encryption encryptionOf(String bucket, String key) {
    return encryption.get(bucket + "/" + key);
  }

  public synchronized int calls(String op) {
    return calls.getOrDefault(op, 0);
  }

  private void count(String op) {
    calls.merge(op, 1, Integer::sum);
  }

  private Map<String, byte[]> bucket(String bucket) {
    Map<String, byte[]> objects = buckets.get(bucket);
    if (objects == null) {
      throw error(404, "NoSuchBucket", null);
    }
    return objects;
  }

  @Override
  public synchronized Optional<String> headBucket(String bucket) {
    count("HeadBucket");
    if (denied.contains(bucket)) {
      throw error(403, null, null);
    }
    bucket(bucket);
    return Optional.ofNullable(regions.get(bucket));
  }

  @Override
  public synchronized void put(String bucket, String key, Body body, Encryption encryption) {
    count("PutObject");
    if (refusePuts) {
      throw error(403, "AccessDenied", null);
    }
    try {
      byte[] bytes = body.file() != null ? Files.readAllBytes(body.file()) : body.bytes().clone();
      bucket(bucket).put(key, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.encryption.put(bucket + "/" + key, encryption);
  }

  @Override
  public synchronized Optional<Part> get(String bucket, String key, long first, long last) {
    count("GetObject");
    if (refuseGets) {
      throw error(403, "AccessDenied", null);
    }
    byte[] bytes = bucket(bucket).get(key);
    if (bytes == null) {
      return Optional.empty();
    }
    int from = (int) Math.min(first, bytes.length);
    int to = (int) Math.min(last + 1, bytes.length);
    return Optional.of(new Part(new ByteArrayInputStream(bytes, from, to - from), bytes.length));
  }

  @Override
  public synchronized List<String> list(String bucket, String prefix) {
    count("ListObjectsV2");
    return bucket(bucket).keySet().stream().filter(k -> k.startsWith(prefix)).toList();
  }

  @Override
  public synchronized void delete(String bucket, List<String> keys) {
    count("DeleteObjects");
    if (refuseDeletes) {
      throw new IllegalStateException("S3 refused to delete s3://" + bucket + "/" + keys.get(0));
    }
    keys.forEach(bucket(bucket)::remove);
  }

  @Override
  public synchronized String presignGet(String bucket, String key, Duration lifetime) {
    lifetimes.add(lifetime);
    return "https://s3.fake/" + bucket + "/" + key + "?X-Amz-Signature=get";
  }

  @Override
  public synchronized Presigned presignPut(
      String bucket, String key, Duration lifetime, Encryption encryption) {
    lifetimes.add(lifetime);
    presignedPuts.add(key);
    return new Presigned(
        "https://s3.fake/" + bucket + "/" + key + "?X-Amz-Signature=put",
        Map.of("x-amz-server-side-encryption", encryption.algorithm()));
  }

  @Override
  public synchronized Optional<Instant> credentialsExpiry() {
    return Optional.ofNullable(credentialsExpiry);
  }

  /** An S3 error as the SDK raises it; {@code region} goes in x-amz-bucket-region. */
  public static S3Exception error(int status, String code, String region) {
    SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
    if (region != null) {
      http.putHeader("x-amz-bucket-region", region);
    }
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .message(code == null ? "Forbidden" : code)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).sdkHttpResponse(http.build()).build())
            .build();
  }
}
