package dev.ssmrun.emulator.internal.http;

import dev.ssmrun.emulator.internal.api.AwsError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks AWS Signature Version 4 on a request, as the real service does. Thread-safe. */
final class SigV4Verifier {
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String BAD_SIGNATURE =
      "The request signature we calculated does not match the signature you provided. Check"
          + " your AWS Secret Access Key and signing method. Consult the service documentation"
          + " for details.";

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String region;
  private final String service;

  SigV4Verifier(String accessKeyId, String secretAccessKey, String region, String service) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.region = region;
    this.service = service;
  }

  /**
   * Verifies one request. {@code headers} must be keyed by lower-case name.
   *
   * @throws AwsError with the code AWS uses when the signature is missing, malformed or wrong
   */
  void verify(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      Instant now) {
    String authorization = first(headers, "authorization");
    if (authorization == null) {
      throw AwsError.of("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    Authorization auth = Authorization.parse(authorization);
    String amzDate = first(headers, "x-amz-date");
    if (amzDate == null) {
      throw AwsError.of(
          "IncompleteSignatureException",
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    checkScope(auth, amzDate);
    checkTime(amzDate, now);
    String payloadHash = hex(sha256(body));
    String declared = first(headers, "x-amz-content-sha256");
    if (declared != null && !declared.equals(payloadHash)) {
      throw AwsError.of("InvalidSignatureException", BAD_SIGNATURE);
    }
    String canonical = canonicalRequest(method, path, query, headers, auth, payloadHash);
    String scope = auth.date + "/" + auth.region + "/" + auth.service + "/aws4_request";
    String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(utf8(canonical)));
    byte[] expected = utf8(hex(hmac(signingKey(auth.date), toSign)));
    if (!MessageDigest.isEqual(expected, utf8(auth.signature))) {
      throw AwsError.of("InvalidSignatureException", BAD_SIGNATURE);
    }
  }

  private void checkScope(Authorization auth, String amzDate) {
    if (!auth.accessKeyId.equals(accessKeyId)) {
      throw AwsError.of(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    if (!auth.region.equals(region)) {
      throw AwsError.of(
          "InvalidSignatureException",
          "Credential should be scoped to a valid region. Expected '" + region + "'.");
    }
    if (!auth.service.equals(service) || !amzDate.startsWith(auth.date)) {
      throw AwsError.of(
          "InvalidSignatureException",
          "Credential should be scoped to correct service and date: '" + service + "'.");
    }
  }

  private static void checkTime(String amzDate, Instant now) {
    Instant signedAt;
    try {
      signedAt = AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException unused) {
      throw AwsError.of("IncompleteSignatureException", "X-Amz-Date is not a valid date.");
    }
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw skewed("Signature expired", amzDate, "is now earlier than", now, '-');
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw skewed("Signature not yet current", amzDate, "is still later than", now, '+');
    }
  }

  /** AWS's message for a signing time more than 5 minutes before ({@code -}) or after now. */
  private static AwsError skewed(
      String problem, String amzDate, String relation, Instant now, char sign) {
    Instant limit = sign == '-' ? now.minus(MAX_SKEW) : now.plus(MAX_SKEW);
    return AwsError.of(
        "InvalidSignatureException",
        String.format(
            "%s: %s %s %s (%s %c 5 min.)",
            problem, amzDate, relation, AMZ_DATE.format(limit), AMZ_DATE.format(now), sign));
  }

  private static String canonicalRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      Authorization auth,
      String payloadHash) {
    StringBuilder out = new StringBuilder();
    out.append(method).append('\n').append(path.isEmpty() ? "/" : path).append('\n');
    out.append(canonicalQuery(query)).append('\n');
    for (String name : auth.signedHeaders) {
      List<String> values = headers.get(name);
      if (values == null) {
        throw AwsError.of(
            "IncompleteSignatureException",
            "'"
                + name
                + "' is named as a SignedHeader, but it does not exist in the HTTP request.");
      }
      List<String> trimmed = new ArrayList<>();
      for (String value : values) {
        trimmed.add(value.trim().replaceAll(" +", " "));
      }
      out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    out.append('\n').append(String.join(";", auth.signedHeaders)).append('\n');
    return out.append(payloadHash).toString();
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      sorted.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    List<String> parts = new ArrayList<>();
    sorted.forEach(
        (key, values) -> values.stream().sorted().forEach(v -> parts.add(key + "=" + v)));
    return String.join("&", parts);
  }

  private byte[] signingKey(String date) {
    byte[] key = hmac(utf8("AWS4" + secretAccessKey), date);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, "aws4_request");
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(utf8(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 ...} header. */
  private static final class Authorization {
    String accessKeyId;
    String date;
    String region;
    String service;
    List<String> signedHeaders;
    String signature;

    static Authorization parse(String header) {
      if (!header.startsWith(ALGORITHM + " ")) {
        throw incomplete("Authorization header must use " + ALGORITHM + ".");
      }
      Map<String, String> parts = new TreeMap<>();
      for (String part : header.substring(ALGORITHM.length() + 1).split(",", -1)) {
        String trimmed = part.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
          throw incomplete(
              "'"
                  + trimmed
                  + "' not a valid key=value pair (missing equal-sign) in"
                  + " Authorization header: '"
                  + header
                  + "'.");
        }
        parts.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
      }
      Authorization auth = new Authorization();
      String[] scope = require(parts, "Credential").split("/", -1);
      if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
        throw incomplete("Credential must have exactly 5 slash-delimited elements.");
      }
      auth.accessKeyId = scope[0];
      auth.date = scope[1];
      auth.region = scope[2];
      auth.service = scope[3];
      auth.signedHeaders =
          Arrays.asList(require(parts, "SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
      auth.signature = require(parts, "Signature");
      if (!auth.signedHeaders.contains("host")) {
        throw incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");
      }
      return auth;
    }

    private static String require(Map<String, String> parts, String name) {
      String value = parts.get(name);
      if (value == null || value.isEmpty()) {
        throw incomplete("Authorization header requires '" + name + "' parameter.");
      }
      return value;
    }

    private static AwsError incomplete(String message) {
      return AwsError.of("IncompleteSignatureException", message);
    }
  }
}
