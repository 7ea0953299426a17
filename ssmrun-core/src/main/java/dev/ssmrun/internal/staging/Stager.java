package dev.ssmrun.internal.staging;

import dev.ssmrun.Document;
import dev.ssmrun.DurationText;
import dev.ssmrun.Payload;
import dev.ssmrun.RunRequest;
import dev.ssmrun.ScriptInput;
import dev.ssmrun.internal.aws.S3Gateway;
import dev.ssmrun.internal.aws.S3Gateway.Body;
import dev.ssmrun.internal.aws.S3Gateway.Encryption;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.send.Delivery;
import dev.ssmrun.internal.send.PayloadStage;
import dev.ssmrun.internal.send.Scripts;
import dev.ssmrun.internal.send.SendRequests;
import dev.ssmrun.internal.send.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * The payload stage: renders the payload inline and measures it; sends it inline when it fits
 * and nothing asks for staging; otherwise uploads the script, its setup (environment, arguments,
 * result URLs) and the input to the run's folder and sends a bootstrap instead. With a staging
 * location and no output bucket, SSM's output goes to the run's folder too. Buckets are checked
 * (HeadBucket) before any upload, and the run's folder is registered for deletion first.
 */
public final class Stager implements PayloadStage {
  /** Presigned URLs live at most this long (SigV4's limit). */
  static final Duration MAX_URL_LIFETIME = Duration.ofDays(7);

  private final S3Gateway s3;
  private final SsmGateway ssm;
  private final RunRequest request;
  private final RunFolder folder;
  private final long threshold;
  private final RunCleanup cleanup;
  private final List<String> warnings = new ArrayList<>();

  /**
   * A stage for {@code request}, working in {@code folder} (null: no staging location), staging
   * payloads whose SendCommand parameters pass {@code threshold} bytes.
   */
  public Stager(
      S3Gateway s3,
      SsmGateway ssm,
      RunRequest request,
      RunFolder folder,
      long threshold,
      RunCleanup cleanup) {
    this.s3 = s3;
    this.ssm = ssm;
    this.request = request;
    this.folder = folder;
    this.threshold = threshold;
    this.cleanup = cleanup;
  }

  @Override
  public Delivery prepare(Set<Document> documents, Instant now) {
    Map<Document, List<String>> inline = new EnumMap<>(Document.class);
    long size = request.payload().script().map(String::length).orElse(0);
    boolean measured = size <= threshold; // A longer script cannot fit: no need to render it.
    if (measured) {
      for (Document document : documents) {
        List<String> lines = Scripts.render(request.payload(), document);
        inline.put(document, lines);
        size = Math.max(size, JsonSize.of(SendRequests.parameters(request, lines)));
      }
    }
    List<String> reasons = StagingReasons.of(request, size, measured, threshold);
    String userBucket = request.output().s3Bucket().orElse(null);
    if (folder == null) {
      StagingReasons.requireLocation(request, reasons);
      checkOutputBucket(userBucket);
      return new Delivery(inline, userBucket, request.output().s3Prefix(), warnings);
    }
    Buckets.check(s3, folder.bucket(), "staging", ssm.region());
    checkOutputBucket(userBucket);
    boolean stage = !reasons.isEmpty() || !allEnvironment().isEmpty();
    if (!request.staging().keepObjects() && (stage || userBucket == null)) {
      cleanup.add(this::deleteFolder, this::notDeleted);
    }
    String bucket = userBucket != null ? userBucket : folder.bucket();
    String prefix = userBucket != null ? request.output().s3Prefix() : folder.outputPrefix();
    return new Delivery(stage ? staged(documents, now) : inline, bucket, prefix, warnings);
  }

  private void checkOutputBucket(String bucket) {
    if (bucket != null) {
      Buckets.check(s3, bucket, "output", ssm.region());
    }
  }

  private Map<Document, List<String>> staged(Set<Document> documents, Instant now) {
    Duration lifetime = urlLifetime(now);
    Encryption encryption = encryption();
    StagedObject input =
        request.staging().input().map(i -> upload("input", i, lifetime)).orElse(null);
    Map<String, String> resultUrls = null;
    Map<String, String> putHeaders = null;
    if (request.staging().collectResults()) {
      resultUrls = new LinkedHashMap<>();
      for (String id : resultInstances()) {
        S3Gateway.Presigned put =
            s3.presignPut(folder.bucket(), folder.resultKey(id), lifetime, encryption);
        resultUrls.put(id, put.url());
        putHeaders = put.headers();
      }
      putHeaders =
          putHeaders != null
              ? putHeaders
              : Map.of("x-amz-server-side-encryption", encryption.algorithm());
    }
    Map<Document, List<String>> commands = new EnumMap<>(Document.class);
    for (Document document : documents) {
      boolean powerShell = document == Document.POWERSHELL;
      byte[] script = Scripts.staged(request.payload(), document).getBytes(StandardCharsets.UTF_8);
      Setup setup =
          new Setup(
              upload("script", script, lifetime),
              input,
              allEnvironment(),
              request.payload().arguments(),
              resultUrls);
      // A setup with nothing to set is not uploaded: one request and one download fewer.
      StagedObject setupObject = null;
      if (powerShell || !setup.onlyScript()) {
        String text = powerShell ? PowerShellBootstrap.setup(setup) : ShellBootstrap.setup(setup);
        setupObject = upload("setup", text.getBytes(StandardCharsets.UTF_8), lifetime);
      }
      commands.put(
          document,
          List.of(
              powerShell
                  ? PowerShellBootstrap.bootstrap(setupObject, putHeaders)
                  : ShellBootstrap.bootstrap(setupObject, setup.script(), putHeaders)));
    }
    return commands;
  }

  /** Plain and secret environment: both travel in the staged setup. */
  private Map<String, String> allEnvironment() {
    Payload payload = request.payload();
    Map<String, String> all = new LinkedHashMap<>(payload.environment());
    all.putAll(payload.secretEnvironment());
    return all;
  }

  /** The instances that get a result URL: the ids, or what the tag targets match now. */
  private List<String> resultInstances() {
    if (!request.targets().byTags()) {
      return request.targets().instanceIds();
    }
    return ssm.describeInstances(SendRequests.tagFilters(request.targets().tags())).stream()
        .map(InstanceInformation::instanceId)
        .toList();
  }

  /**
   * Delivery plus execution timeout, at most 7 days; warns when the URLs or their signing
   * credentials die sooner.
   */
  private Duration urlLifetime(Instant now) {
    Duration needed = request.timeouts().delivery().plus(request.timeouts().execution());
    Duration lifetime = needed.compareTo(MAX_URL_LIFETIME) > 0 ? MAX_URL_LIFETIME : needed;
    if (!lifetime.equals(needed)) {
      warnings.add(
          "presigned URLs last at most 7 days, less than the delivery timeout plus the execution"
              + " timeout ("
              + DurationText.of(needed)
              + "): an instance that starts or finishes after 7 days cannot download the script or"
              + " upload its result");
    }
    s3.credentialsExpiry()
        .filter(expiry -> expiry.isBefore(now.plus(lifetime)))
        .ifPresent(expiry -> warnings.add(expiring(expiry, now, needed)));
    return lifetime;
  }

  private static String expiring(Instant expiry, Instant now, Duration needed) {
    Duration left = Duration.between(now, expiry);
    return "the S3 credentials that sign the staged payload's URLs expire at "
        + expiry
        + " (in "
        + (left.isNegative() ? "0s" : DurationText.of(Duration.ofSeconds(left.toSeconds())))
        + "), before the delivery timeout plus the execution timeout ("
        + DurationText.of(needed)
        + ") pass: an instance that starts or finishes after that cannot download the script"
        + " (exit 90) or upload its result (exit 93); refresh the credentials or shorten the"
        + " timeouts";
  }

  private StagedObject upload(String name, ScriptInput input, Duration lifetime) {
    if (input.file().isPresent()) {
      String sha = Sha256.of(input.file().get());
      return upload(name + "-" + sha, sha, Body.of(input.file().get()), lifetime);
    }
    return upload(name, input.bytes().orElseThrow(), lifetime);
  }

  private StagedObject upload(String name, byte[] bytes, Duration lifetime) {
    String sha = Sha256.of(bytes);
    return upload(name + "-" + sha, sha, Body.of(bytes), lifetime);
  }

  private StagedObject upload(String name, String sha, Body body, Duration lifetime) {
    String key = folder.key(name);
    try {
      s3.put(folder.bucket(), key, body, encryption());
    } catch (SdkException e) {
      throw Buckets.uploadRefused(e, folder.bucket(), key);
    }
    return new StagedObject(s3.presignGet(folder.bucket(), key, lifetime), sha);
  }

  /** SSE-KMS with the location's key, else SSE-S3. */
  private Encryption encryption() {
    return new Encryption(folder.location().kmsKeyId().orElse(null));
  }

  private void deleteFolder() {
    List<String> keys = s3.list(folder.bucket(), folder.prefix());
    if (!keys.isEmpty()) {
      s3.delete(folder.bucket(), keys);
    }
  }

  private String notDeleted(RuntimeException e) {
    String why = e instanceof SdkException sdk ? Buckets.describe(sdk) : e.getMessage();
    return "could not delete the run's objects under "
        + folder.url()
        + " ("
        + why
        + "): delete them yourself";
  }
}
