package dev.ssmrun.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults to inject into an {@link SsmEmulator}, parsed from the SPEC syntax shared with the CLI.
 *
 * <p>A SPEC is comma-separated {@code key=value} items: {@code throttle=P} (probability per call of
 * {@code ThrottlingException}), {@code error=P} ({@code InternalServerError}, HTTP 500), {@code
 * lose=P} (the call is processed, then the connection is dropped without an answer), {@code
 * latency=DURATION} (e.g. {@code 50ms}, {@code 1s}), {@code rate=N} (a token bucket of N calls per
 * second; calls beyond it are throttled), {@code deny=P} ({@code AccessDeniedException}, as for a
 * caller without the IAM permission), {@code empty=P} (a GetLogEvents or FilterLogEvents page comes
 * back empty with a token to go on, as the Logs service may answer), {@code crash=P} (the agent
 * dies mid-command), {@code offline=P} (the instance loses contact before a command reaches it) and
 * {@code seed=N}. An {@code
 * Operation:} prefix limits an item to one operation ({@code SendCommand:lose=0.1}); an item for
 * one operation overrides the same key without prefix. Instances are immutable and thread-safe.
 */
public final class FaultSpec {
  /** The operations a prefix may name: Run Command, Parameter Store and CloudWatch Logs. */
  public static final Set<String> OPERATIONS =
      Set.of(
          "SendCommand",
          "GetCommandInvocation",
          "ListCommandInvocations",
          "ListCommands",
          "CancelCommand",
          "DescribeInstanceInformation",
          "PutParameter",
          "GetParameter",
          "GetParameters",
          "DeleteParameter",
          "DescribeParameters",
          "CreateLogGroup",
          "CreateLogStream",
          "PutLogEvents",
          "DescribeLogGroups",
          "DescribeLogStreams",
          "GetLogEvents",
          "FilterLogEvents",
          "DeleteLogGroup",
          "DeleteLogStream");

  private static final String ALLOWED =
      "allowed: throttle=P, error=P, lose=P, deny=P, empty=P, crash=P, offline=P (P between 0"
          + " and 1),"
          + " latency=DURATION"
          + " (e.g. 50ms, 2s), rate=N (calls per second), seed=N; an Operation: prefix (one of "
          + String.join(", ", new java.util.TreeSet<>(OPERATIONS))
          + ") limits throttle, error, lose, deny, empty, latency or rate to one operation";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");
  private static final FaultSpec NONE = new FaultSpec(Map.of(), null, "");

  /** A fault kind that happens with a probability. */
  public enum Kind {
    /** {@code ThrottlingException: Rate exceeded}, HTTP 400, before the call is processed. */
    THROTTLE,
    /** {@code InternalServerError}, HTTP 500, before the call is processed. */
    ERROR,
    /** The call is processed, then the connection is closed without an answer. */
    LOSE,
    /** {@code AccessDeniedException}, HTTP 400, before the call is processed. */
    DENY,
    /** A GetLogEvents or FilterLogEvents page holds no events but a token to go on. */
    EMPTY,
    /** The agent dies while the command runs: process group killed, instance loses contact. */
    CRASH,
    /** The instance goes ConnectionLost before delivery, for the command's TimeoutSeconds. */
    OFFLINE
  }

  private final Map<String, Map<String, Object>> byOperation;
  private final Long seed;
  private final String text;

  private FaultSpec(Map<String, Map<String, Object>> byOperation, Long seed, String text) {
    this.byOperation = byOperation;
    this.seed = seed;
    this.text = text;
  }

  /** No faults at all. */
  public static FaultSpec none() {
    return NONE;
  }

  /**
   * Parses a SPEC such as {@code "throttle=0.2,SendCommand:lose=0.1,seed=7"}. An empty or blank
   * SPEC means no faults.
   *
   * @throws IllegalArgumentException naming the bad item and what is allowed
   */
  public static FaultSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec == null");
    Map<String, Map<String, Object>> byOperation = new LinkedHashMap<>();
    Long seed = null;
    List<String> items = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String item = raw.trim();
      if (item.isEmpty()) {
        if (spec.isBlank()) {
          continue;
        }
        throw bad(spec, "empty item");
      }
      String[] parts = split(item);
      if (parts[1].equals("seed")) {
        seed = parseSeed(item, parts[0], parts[2]);
      } else {
        Object parsed = parseValue(item, parts[0], parts[1], parts[2]);
        byOperation.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], parsed);
      }
      items.add(item);
    }
    return new FaultSpec(freeze(byOperation), seed, String.join(",", items));
  }

  /** Splits {@code [Operation:]key=value} into operation ("*" if none), lower-case key, value. */
  private static String[] split(String item) {
    int eq = item.indexOf('=');
    if (eq < 0) {
      throw bad(item, "missing '='");
    }
    String key = item.substring(0, eq).trim();
    String operation = "*";
    int colon = key.indexOf(':');
    if (colon >= 0) {
      operation = key.substring(0, colon);
      key = key.substring(colon + 1);
      if (!OPERATIONS.contains(operation)) {
        throw bad(item, "unknown operation '" + operation + "'");
      }
    }
    return new String[] {operation, key.toLowerCase(Locale.ROOT), item.substring(eq + 1).trim()};
  }

  private static Long parseSeed(String item, String operation, String value) {
    if (!operation.equals("*")) {
      throw bad(item, "seed takes no operation prefix");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException unused) {
      throw bad(item, "seed must be a whole number");
    }
  }

  private static Object parseValue(String item, String operation, String key, String value) {
    return switch (key) {
      case "throttle", "error", "lose", "deny", "empty", "crash", "offline" -> {
        if ((key.equals("crash") || key.equals("offline")) && !operation.equals("*")) {
          throw bad(item, key + " applies to command deliveries and takes no operation prefix");
        }
        yield probability(item, value);
      }
      case "latency" -> duration(item, value);
      case "rate" -> {
        double rate = number(item, value);
        if (!(rate > 0)) {
          throw bad(item, "rate must be a positive number of calls per second");
        }
        yield rate;
      }
      default -> throw bad(item, "unknown key '" + key + "'");
    };
  }

  private static double probability(String item, String value) {
    double p = number(item, value);
    if (!(p >= 0 && p <= 1)) {
      throw bad(item, "a probability must be between 0 and 1");
    }
    return p;
  }

  private static double number(String item, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException unused) {
      throw bad(item, "'" + value + "' is not a number");
    }
  }

  private static Duration duration(String item, String value) {
    Matcher m = DURATION.matcher(value);
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (!m.matches()) {
      throw bad(item, "a duration is a whole number with ms or s, e.g. 50ms");
    }
    long amount = Long.parseLong(m.group(1));
    return m.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
  }

  private static IllegalArgumentException bad(String item, String problem) {
    return new IllegalArgumentException(
        "invalid fault SPEC item '" + item + "': " + problem + " (" + ALLOWED + ")");
  }

  private static Map<String, Map<String, Object>> freeze(Map<String, Map<String, Object>> map) {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** The probability of {@code kind} for {@code operation}; 0 when not set. */
  public double probability(Kind kind, String operation) {
    Object value = lookup(kind.name().toLowerCase(Locale.ROOT), operation);
    return value == null ? 0 : (Double) value;
  }

  /** Latency added to every call of {@code operation}; zero when not set. */
  public Duration latency(String operation) {
    Object value = lookup("latency", operation);
    return value == null ? Duration.ZERO : (Duration) value;
  }

  /** The token-bucket rate (calls per second) for {@code operation}, if any. */
  public OptionalDouble rate(String operation) {
    Object value = lookup("rate", operation);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
  }

  /** True if the token bucket for {@code operation} is its own rather than the shared one. */
  public boolean hasOwnRate(String operation) {
    Map<String, Object> own = byOperation.get(operation);
    return own != null && own.containsKey("rate");
  }

  /** The seed for fault randomness, if the SPEC gave one. */
  public Optional<Long> seed() {
    return Optional.ofNullable(seed);
  }

  /** True if no fault is configured. */
  public boolean isEmpty() {
    return byOperation.isEmpty();
  }

  private Object lookup(String key, String operation) {
    Map<String, Object> own = byOperation.get(operation);
    if (own != null && own.containsKey(key)) {
      return own.get(key);
    }
    Map<String, Object> global = byOperation.get("*");
    return global == null ? null : global.get(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultSpec other
        && other.byOperation.equals(byOperation)
        && Objects.equals(other.seed, seed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byOperation, seed);
  }

  /** The SPEC text, normalized (items trimmed), e.g. {@code throttle=0.2,seed=7}. */
  @Override
  public String toString() {
    return text;
  }
}
