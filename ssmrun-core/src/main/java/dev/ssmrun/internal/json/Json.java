package dev.ssmrun.internal.json;

import dev.ssmrun.InvalidRequestException;

/**
 * JSON through Jackson, which is an optional dependency of ssmrun-core: this class never names a
 * Jackson type, so it loads without Jackson and says what to add when Jackson is needed.
 */
public final class Json {
  private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

  private Json() {}

  /**
   * {@code value} as JSON bytes.
   *
   * @throws InvalidRequestException (for {@code setting}) if Jackson is missing or fails.
   */
  public static byte[] write(String setting, Object value) {
    requireJackson(setting);
    try {
      return JacksonCodec.write(value);
    } catch (RuntimeException e) {
      throw new InvalidRequestException(setting, "cannot be written as JSON: " + e.getMessage());
    }
  }

  /**
   * {@code bytes} read as JSON into {@code type}.
   *
   * @throws IllegalStateException if Jackson is missing.
   * @throws IllegalArgumentException if the bytes are not JSON of that type.
   */
  public static <T> T read(byte[] bytes, Class<T> type) {
    requireJackson("result");
    return JacksonCodec.read(bytes, type);
  }

  /** True if Jackson is on the class path. */
  public static boolean available() {
    try {
      Class.forName(MAPPER, false, Json.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void requireJackson(String setting) {
    if (!available()) {
      throw new InvalidRequestException(
          setting,
          "needs Jackson for JSON: add com.fasterxml.jackson.core:jackson-databind to the class"
              + " path, or pass bytes");
    }
  }
}
