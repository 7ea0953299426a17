package dev.ssmrun.internal.staging;

import java.util.List;
import java.util.Map;

/**
 * The size in bytes of a SendCommand's parameters as JSON, which SSM counts against its 64 KB
 * limit together with the document: UTF-8, with JSON's escapes. Pure.
 */
final class JsonSize {
  private JsonSize() {}

  /** The bytes of {@code {"name":["value",...],...}}. */
  static long of(Map<String, List<String>> parameters) {
    long size = 2L + Math.max(0, parameters.size() - 1); // {} and the commas between entries
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      size += string(e.getKey()) + 3L + Math.max(0, e.getValue().size() - 1); // "name":[,,]
      for (String value : e.getValue()) {
        size += string(value);
      }
    }
    return size;
  }

  /** A JSON string literal: quotes, escapes, UTF-8. */
  static long string(String s) {
    long size = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        size += 2;
      } else if (c < 0x20) {
        size += 6; // a backslash-u sequence
      } else if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isSurrogate(c)) {
        size += 6; // a JSON writer escapes each half of a pair, as a backslash-u sequence
      } else {
        size += 3;
      }
    }
    return size;
  }
}
