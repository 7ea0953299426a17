package dev.ssmrun.emulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** The one JSON mapper, and the two time formats AWS JSON 1.1 uses for SSM. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A JSON array of {@code values}. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** A timestamp member: epoch seconds with millisecond fraction, e.g. 1764091234.567. */
  public static BigDecimal epoch(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  /** A StringDateTime member: ISO-8601 with milliseconds, e.g. 2019-02-14T19:26:26.439Z. */
  public static String iso(Instant instant) {
    return instant == null ? "" : ISO_MILLIS.format(instant);
  }

  /** An ISO-8601 duration as ExecutionElapsedTime shows it, e.g. PT0.541S. */
  public static String elapsed(Instant start, Instant end) {
    if (start == null || end == null) {
      return "";
    }
    return java.time.Duration.ofMillis(end.toEpochMilli() - start.toEpochMilli()).toString();
  }
}
