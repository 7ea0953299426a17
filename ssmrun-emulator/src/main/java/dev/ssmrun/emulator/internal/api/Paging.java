package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** Opaque NextToken paging over an ordered list, tied to the query that made the token. */
final class Paging {
  /** SSM's member names and error. */
  static final Style SSM =
      new Style(
          "NextToken",
          "MaxResults",
          () -> AwsError.of("InvalidNextToken", "The specified token isn't valid."));

  /** CloudWatch Logs' member names and error. */
  static final Style LOGS =
      new Style(
          "nextToken",
          "limit",
          () -> AwsError.of("InvalidParameterException", "The specified nextToken is invalid."));

  private Paging() {}

  /** A service's names for the token and page-size members, and its answer to a bad token. */
  record Style(String tokenMember, String limitMember, Supplier<AwsError> invalid) {}

  /** One page: the items and the token for the next page, or null on the last page. */
  record Page<T>(List<T> items, String nextToken) {}

  static <T> Page<T> page(List<T> all, Req req, int maxResults) {
    return page(all, req, maxResults, SSM);
  }

  static <T> Page<T> page(List<T> all, Req req, int maxResults, Style style) {
    int offset = offset(req, style);
    int end = Math.min(all.size(), offset + maxResults);
    List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
    String next = end < all.size() ? token(req, style, Integer.toString(end)) : null;
    return new Page<>(items, next);
  }

  /** Decodes a token made by {@link #token} for the same query; null when there is none. */
  static String resume(Req req, Style style) {
    String token = req.string(style.tokenMember());
    if (token == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String prefix = fingerprint(req, style) + ":";
      if (!text.startsWith(prefix)) {
        throw style.invalid().get();
      }
      return text.substring(prefix.length());
    } catch (IllegalArgumentException unused) {
      throw style.invalid().get();
    }
  }

  /** A token that resumes this query at {@code state}. */
  static String token(Req req, Style style, String state) {
    return encode(fingerprint(req, style) + ":" + state);
  }

  private static int offset(Req req, Style style) {
    String state = resume(req, style);
    if (state == null) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(state);
      if (offset < 0) {
        throw style.invalid().get();
      }
      return offset;
    } catch (NumberFormatException unused) {
      throw style.invalid().get();
    }
  }

  private static String fingerprint(Req req, Style style) {
    ObjectNode query = req.body.deepCopy();
    query.remove(style.tokenMember());
    query.remove(style.limitMember());
    return Integer.toHexString(query.toString().hashCode());
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
