package dev.ssmrun.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ssmrun.emulator.internal.api.AwsError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class SigV4VerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final byte[] BODY =
      "{\"InstanceId\":\"i-0123456789abcdef0\"}".getBytes(StandardCharsets.UTF_8);
  private final SigV4Verifier verifier = new SigV4Verifier("test", "test", "us-east-1", "ssm");

  @Test
  void verify_requestSignedBySdk_accepts() {
    Map<String, List<String>> headers = sign("test", "test", "us-east-1", NOW, BODY);

    verifier.verify("POST", "/", null, headers, BODY, NOW.plusSeconds(30));
  }

  @Test
  void verify_wrongSecret_invalidSignature() {
    Map<String, List<String>> headers = sign("test", "other", "us-east-1", NOW, BODY);

    assertThat(rejected(headers, BODY, NOW).code()).isEqualTo("InvalidSignatureException");
  }

  @Test
  void verify_bodyChangedAfterSigning_invalidSignature() {
    Map<String, List<String>> headers = sign("test", "test", "us-east-1", NOW, BODY);
    byte[] tampered = "{\"InstanceId\":\"i-0123456789abcdef1\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(rejected(headers, tampered, NOW).code()).isEqualTo("InvalidSignatureException");
  }

  @Test
  void verify_unknownAccessKey_unrecognizedClient() {
    Map<String, List<String>> headers = sign("AKIDOTHER", "test", "us-east-1", NOW, BODY);

    assertThat(rejected(headers, BODY, NOW).code()).isEqualTo("UnrecognizedClientException");
  }

  @Test
  void verify_signedSixMinutesAgo_signatureExpired() {
    Map<String, List<String>> headers = sign("test", "test", "us-east-1", NOW, BODY);

    AwsError e = rejected(headers, BODY, NOW.plus(Duration.ofMinutes(6)));

    assertThat(e.code()).isEqualTo("InvalidSignatureException");
    assertThat(e.getMessage())
        .isEqualTo(
            "Signature expired: 20261125T120000Z is now earlier than 20261125T120100Z"
                + " (20261125T120600Z - 5 min.)");
  }

  @Test
  void verify_signedSixMinutesAhead_signatureNotYetCurrent() {
    Map<String, List<String>> headers = sign("test", "test", "us-east-1", NOW, BODY);

    AwsError e = rejected(headers, BODY, NOW.minus(Duration.ofMinutes(6)));

    assertThat(e.code()).isEqualTo("InvalidSignatureException");
    assertThat(e.getMessage())
        .isEqualTo(
            "Signature not yet current: 20261125T120000Z is still later than 20261125T115900Z"
                + " (20261125T115400Z + 5 min.)");
  }

  @Test
  void verify_otherRegion_invalidSignature() {
    Map<String, List<String>> headers = sign("test", "test", "eu-west-1", NOW, BODY);

    assertThat(rejected(headers, BODY, NOW).getMessage()).contains("us-east-1");
  }

  @Test
  void verify_noAuthorization_missingAuthenticationToken() {
    assertThat(rejected(new TreeMap<>(), BODY, NOW).code())
        .isEqualTo("MissingAuthenticationTokenException");
  }

  @Test
  void verify_malformedAuthorization_incompleteSignature() {
    Map<String, List<String>> headers = new TreeMap<>();
    headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential"));

    assertThat(rejected(headers, BODY, NOW).code()).isEqualTo("IncompleteSignatureException");
  }

  /** The error {@code verify} throws for this POST to {@code /}; fails the test if none. */
  private AwsError rejected(Map<String, List<String>> headers, byte[] body, Instant now) {
    AwsError e =
        catchThrowableOfType(
            AwsError.class, () -> verifier.verify("POST", "/", null, headers, body, now));
    assertThat(e).as("rejected").isNotNull();
    return e;
  }

  private static Map<String, List<String>> sign(
      String keyId, String secret, String region, Instant at, byte[] body) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1:40123/"))
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "AmazonSSM.GetCommandInvocation")
            .putHeader("Content-Length", String.valueOf(body.length))
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(keyId, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    Map<String, List<String>> headers = new TreeMap<>();
    signed
        .request()
        .forEachHeader(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
    headers.put("host", List.of("127.0.0.1:40123"));
    return headers;
  }
}
