package dev.ssmrun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The validation rules of {@link RunRequest.Builder}: each failure says what to do. */
final class RequestChecks {
  static final int MAX_COMMENT = 80;
  private static final Pattern INSTANCE_ID = Pattern.compile("i-(\\w{8}|\\w{17})|mi-\\w{17}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TARGET_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]{1,163}");
  private static final Pattern MAX_CONCURRENCY =
      Pattern.compile("[1-9][0-9]{0,5}|[1-9][0-9]%|[1-9]%|100%");
  private static final Pattern MAX_ERRORS =
      Pattern.compile("[1-9][0-9]{0,5}|0|[1-9][0-9]%|[0-9]%|100%");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** CloudWatch Logs' rule for log group names. */
  private static final Pattern LOG_GROUP = Pattern.compile("[A-Za-z0-9_\\-/.#]{1,512}");

  private RequestChecks() {}

  static void instanceId(String id) {
    if (!INSTANCE_ID.matcher(id).matches()) {
      throw new InvalidRequestException(
          "instanceId",
          "'"
              + id
              + "' is malformed: expected i- followed by 8 or 17 characters"
              + " (e.g. i-0123456789abcdef0) or mi- followed by 17");
    }
  }

  static void envName(String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new InvalidRequestException(
          "environment",
          "name '"
              + name
              + "' is invalid: use letters, digits and _, not starting with a digit"
              + " (e.g. APP_VERSION)");
    }
  }

  static void targets(List<String> ids, Map<String, List<String>> targets) {
    if (ids.isEmpty() && targets.isEmpty()) {
      throw new IllegalStateException(
          "no targets: add instance ids (addInstanceId) or tag targets (addTarget)");
    }
    if (!ids.isEmpty() && !targets.isEmpty()) {
      throw new IllegalStateException(
          "give either instance ids or tag targets, not both;"
              + " to mix them, use the target key \"instanceids\"");
    }
    if (targets.size() > 5) {
      throw new IllegalStateException("SSM accepts at most 5 target keys, got " + targets.size());
    }
    targets.forEach(RequestChecks::target);
  }

  private static void target(String key, List<String> values) {
    if (!TARGET_KEY.matcher(key).matches()) {
      throw new InvalidRequestException(
          "target", "key '" + key + "' is invalid: use a tag name such as Role, or instanceids");
    }
    if (values.isEmpty() || values.size() > 50) {
      throw new InvalidRequestException(
          "target", key + " needs 1 to 50 values, got " + values.size());
    }
    if (key.equalsIgnoreCase("instanceids")) {
      values.forEach(RequestChecks::instanceId);
    }
  }

  /** The agent silently replaces values outside 5 s..48 h with 3600 s: refuse them instead. */
  static void executionTimeout(Duration d) {
    range("executionTimeout", d, Timeouts.MIN_EXECUTION, Timeouts.MAX_EXECUTION);
  }

  static void deliveryTimeout(Duration d) {
    range("deliveryTimeout", d, Timeouts.MIN_DELIVERY, Timeouts.MAX_DELIVERY);
  }

  static void positive(String setting, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new InvalidRequestException(setting, "must be positive, got " + DurationText.of(d));
    }
  }

  private static void range(String setting, Duration d, Duration min, Duration max) {
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new InvalidRequestException(
          setting,
          "must be between "
              + DurationText.of(min)
              + " and "
              + DurationText.of(max)
              + " (SSM's limits), got "
              + DurationText.of(d));
    }
  }

  static void comment(String comment) {
    if (comment.length() > MAX_COMMENT) {
      throw new InvalidRequestException(
          "comment",
          "is "
              + comment.length()
              + " characters; keep it to "
              + MAX_COMMENT
              + " (SSM allows 100 and ssmrun adds a 20-character token)");
    }
  }

  static void maxConcurrency(String value) {
    if (!MAX_CONCURRENCY.matcher(value).matches()) {
      throw new InvalidRequestException(
          "maxConcurrency",
          "'" + value + "' is invalid: use a count such as 10 or a percentage such as 25%");
    }
  }

  static void maxErrors(String value) {
    if (!MAX_ERRORS.matcher(value).matches()) {
      throw new InvalidRequestException(
          "maxErrors",
          "'" + value + "' is invalid: use a count such as 0 or 3, or a percentage such as 10%");
    }
  }

  /** S3's bucket naming rules (3 to 63 lower-case letters, digits, dots and hyphens). */
  static void bucket(String setting, String bucket) {
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new InvalidRequestException(
          setting,
          "'"
              + bucket
              + "' is not a valid S3 bucket name: use 3 to 63 lower-case letters, digits,"
              + " dots and hyphens, starting and ending with a letter or digit");
    }
  }

  static void prefix(String setting, String prefix) {
    if (prefix.length() > 500) {
      throw new InvalidRequestException(setting, "must have at most 500 characters");
    }
  }

  static void logGroup(String logGroup) {
    if (!LOG_GROUP.matcher(logGroup).matches()) {
      throw new InvalidRequestException(
          "cloudWatchOutput",
          "'" + logGroup + "' is not a log group name: 1 to 512 of A-Z a-z 0-9 _ - / . #");
    }
  }

  static void workingDirectory(String dir) {
    if (dir.isEmpty() || dir.length() > 4096 || dir.indexOf('\0') >= 0) {
      throw new InvalidRequestException(
          "workingDirectory", "must be 1 to 4096 characters without NUL, e.g. /tmp");
    }
  }

  static void notNegative(String setting, Duration d) {
    if (d.isNegative()) {
      throw new InvalidRequestException(setting, "must not be negative, got " + DurationText.of(d));
    }
  }
}
