package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque NextToken paging over an ordered list, tied to the query that made the token. */
final class Paging {
  private Paging() {}

  /** One page: the items and the token for the next page, or null on the last page. */
  record Page<T>(List<T> items, String nextToken) {}

  static <T> Page<T> page(List<T> all, Req req, int maxResults) {
    String fingerprint = fingerprint(req);
    int offset = offset(req.string("NextToken"), fingerprint);
    int end = Math.min(all.size(), offset + maxResults);
    List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
    String next = end < all.size() ? encode(fingerprint + ":" + end) : null;
    return new Page<>(items, next);
  }

  private static int offset(String token, String fingerprint) {
    if (token == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = text.lastIndexOf(':');
      if (colon < 0 || !text.substring(0, colon).equals(fingerprint)) {
        throw invalid();
      }
      int offset = Integer.parseInt(text.substring(colon + 1));
      if (offset < 0) {
        throw invalid();
      }
      return offset;
    } catch (IllegalArgumentException unused) {
      throw invalid();
    }
  }

  private static String fingerprint(Req req) {
    ObjectNode query = req.body.deepCopy();
    query.remove("NextToken");
    query.remove("MaxResults");
    return Integer.toHexString(query.toString().hashCode());
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static AwsError invalid() {
    return AwsError.of("InvalidNextToken", "The specified token isn't valid.");
  }
}
