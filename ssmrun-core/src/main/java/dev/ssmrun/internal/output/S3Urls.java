package dev.ssmrun.internal.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bucket and key of an S3 object URL, as SSM reports them in {@code StandardOutputUrl}: path-style
 * ({@code https://s3.amazonaws.com/b/k}, {@code https://s3.eu-west-1.amazonaws.com/b/k}, {@code
 * https://s3-eu-west-1.amazonaws.com/b/k}, dual-stack, China), virtual-hosted ({@code
 * https://b.s3.amazonaws.com/k}, {@code https://my.dotted.bucket.s3.eu-west-1.amazonaws.com/k}),
 * and any other host as path-style (an emulator's {@code http://127.0.0.1:40123/b/k}). Keys are
 * percent-decoded. Pure.
 */
public final class S3Urls {
  /** An AWS S3 host; group 1 is the bucket of a virtual-hosted one. */
  private static final Pattern AWS_HOST =
      Pattern.compile(
          "(?:(.+)\\.)?s3(?:[.-](?:dualstack\\.)?[a-z0-9-]+)?(?:\\.dualstack\\.[a-z0-9-]+)?"
              + "\\.amazonaws\\.com(?:\\.cn)?");

  private S3Urls() {}

  /** Where an object is. */
  public record Location(String bucket, String key) {}

  /** The bucket and key of {@code url}; empty if it names no object. */
  public static Optional<Location> parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    Matcher aws = AWS_HOST.matcher(host);
    if (aws.matches() && aws.group(1) != null) {
      return path.isEmpty() ? Optional.empty() : Optional.of(new Location(aws.group(1), path));
    }
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Location(path.substring(0, slash), path.substring(slash + 1)));
  }
}
