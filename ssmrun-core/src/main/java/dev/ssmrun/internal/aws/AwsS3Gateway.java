package dev.ssmrun.internal.aws;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@link S3Gateway} over the SDK's {@link S3Client}, created on first use by {@code client}. URLs
 * are signed by an {@link S3Presigner} configured like the client (region, credentials, endpoint,
 * and path-style addressing when the client uses it for the bucket).
 */
public final class AwsS3Gateway implements S3Gateway, SdkAutoCloseable {
  private static final int DELETE_BATCH = 1000;
  private static final int RANGE_NOT_SATISFIABLE = 416;

  private final Supplier<S3Client> client;
  private final Map<Boolean, S3Presigner> presigners = new ConcurrentHashMap<>();
  private final Map<String, Boolean> pathStyleByBucket = new ConcurrentHashMap<>();

  /** A gateway over the client {@code client} gives (asked only when S3 is first needed). */
  public AwsS3Gateway(Supplier<S3Client> client) {
    this.client = client;
  }

  @Override
  public Optional<String> headBucket(String bucket) {
    return Optional.ofNullable(client.get().headBucket(b -> b.bucket(bucket)).bucketRegion());
  }

  @Override
  public void put(String bucket, String key, Body body, Encryption encryption) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key);
    if (encryption.kmsKeyId() == null) {
      request.serverSideEncryption(ServerSideEncryption.AES256);
    } else {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(encryption.kmsKeyId());
    }
    RequestBody content =
        body.file() != null
            ? RequestBody.fromFile(body.file())
            : RequestBody.fromBytes(body.bytes());
    client.get().putObject(request.build(), content);
  }

  @Override
  public Optional<Part> get(String bucket, String key, long first, long last) {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in =
          client
              .get()
              .getObject(b -> b.bucket(bucket).key(key).range("bytes=" + first + "-" + last));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
        return Optional.of(new Part(new ByteArrayInputStream(new byte[0]), 0)); // An empty object.
      }
      throw e;
    }
    return Optional.of(new Part(in, objectSize(in.response())));
  }

  /** The size after the slash of {@code Content-Range: bytes 0-99/1234}, else Content-Length. */
  private static long objectSize(GetObjectResponse response) {
    String range = response.contentRange();
    if (range != null && range.lastIndexOf('/') > 0) {
      String total = range.substring(range.lastIndexOf('/') + 1).trim();
      if (!total.equals("*")) {
        return Long.parseLong(total);
      }
    }
    return response.contentLength() == null ? 0 : response.contentLength();
  }

  @Override
  public List<String> list(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    client
        .get()
        .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
        .contents()
        .forEach((S3Object o) -> keys.add(o.key()));
    return keys;
  }

  @Override
  public void delete(String bucket, List<String> keys) {
    for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
      List<ObjectIdentifier> batch = new ArrayList<>();
      keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH))
          .forEach(k -> batch.add(ObjectIdentifier.builder().key(k).build()));
      DeleteObjectsResponse response =
          client
              .get()
              .deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      if (response.hasErrors() && !response.errors().isEmpty()) {
        var error = response.errors().get(0);
        throw new IllegalStateException(
            "S3 refused to delete s3://"
                + bucket
                + "/"
                + error.key()
                + " ("
                + error.code()
                + ") and "
                + (response.errors().size() - 1)
                + " more");
      }
    }
  }

  @Override
  public String presignGet(String bucket, String key, Duration lifetime) {
    return presigner(bucket)
        .presignGetObject(
            p -> p.signatureDuration(lifetime).getObjectRequest(g -> g.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  @Override
  public Presigned presignPut(String bucket, String key, Duration lifetime, Encryption encryption) {
    var presigned =
        presigner(bucket)
            .presignPutObject(
                p ->
                    p.signatureDuration(lifetime)
                        .putObjectRequest(
                            r -> {
                              r.bucket(bucket).key(key);
                              r.serverSideEncryption(encryption.algorithm());
                              if (encryption.kmsKeyId() != null) {
                                r.ssekmsKeyId(encryption.kmsKeyId());
                              }
                            }));
    Map<String, String> headers = new LinkedHashMap<>();
    presigned
        .signedHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
              }
            });
    return new Presigned(presigned.url().toString(), headers);
  }

  @Override
  public Optional<Instant> credentialsExpiry() {
    return client
        .get()
        .serviceClientConfiguration()
        .credentialsProvider()
        .resolveIdentity()
        .join()
        .expirationTime();
  }

  /** A presigner addressing {@code bucket} the way the client does (path-style or virtual). */
  private S3Presigner presigner(String bucket) {
    S3Client s3 = client.get();
    boolean pathStyle = pathStyleByBucket.computeIfAbsent(bucket, b -> pathStyle(s3, b));
    return presigners.computeIfAbsent(pathStyle, ps -> newPresigner(s3, ps));
  }

  /** Whether the client addresses {@code bucket} path-style (an endpoint resolution: cached). */
  private static boolean pathStyle(S3Client s3, String bucket) {
    String host = s3.utilities().getUrl(b -> b.bucket(bucket).key("k")).getHost();
    return host == null || !host.startsWith(bucket + ".");
  }

  private static S3Presigner newPresigner(S3Client s3, boolean pathStyle) {
    S3ServiceClientConfiguration config = s3.serviceClientConfiguration();
    S3Presigner.Builder b =
        S3Presigner.builder()
            .region(config.region())
            .credentialsProvider(config.credentialsProvider())
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    config.endpointOverride().ifPresent(b::endpointOverride);
    return b.build();
  }

  @Override
  public void close() {
    presigners.values().forEach(S3Presigner::close);
    presigners.clear();
  }
}
