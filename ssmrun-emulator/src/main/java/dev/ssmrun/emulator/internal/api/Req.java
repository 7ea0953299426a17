package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed, validated access to a JSON request body, with AWS's error answers. */
public final class Req {
  final JsonNode body;

  /** Wraps a parsed request body. */
  public Req(JsonNode body) {
    this.body = body;
  }

  boolean has(String name) {
    JsonNode node = body.get(name);
    return node != null && !node.isNull();
  }

  /** An optional string member; {@code null} when absent. */
  String string(String name) {
    if (!has(name)) {
      return null;
    }
    JsonNode node = body.get(name);
    if (!node.isTextual()) {
      throw serialization(name, "a string");
    }
    return node.asText();
  }

  String required(String name, String field) {
    String value = string(name);
    if (value == null) {
      throw AwsError.validation("null", field, "Member must not be null");
    }
    return value;
  }

  /** Checks a string's length and pattern, as the model's constraints do. */
  static void check(String value, String field, int min, int max, Pattern pattern) {
    if (value.length() < min) {
      throw AwsError.validation(
          value, field, "Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw AwsError.validation(
          value, field, "Member must have length less than or equal to " + max);
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw AwsError.validation(
          value, field, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
  }

  Integer integer(String name) {
    if (!has(name)) {
      return null;
    }
    JsonNode node = body.get(name);
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw serialization(name, "an integer");
    }
    return node.asInt();
  }

  /** An integer within [min, max], or {@code fallback} when absent. */
  int intInRange(String name, String field, int min, int max, int fallback) {
    Integer value = integer(name);
    if (value == null) {
      return fallback;
    }
    if (value < min) {
      throw AwsError.validation(
          String.valueOf(value), field, "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw AwsError.validation(
          String.valueOf(value), field, "Member must have value less than or equal to " + max);
    }
    return value;
  }

  boolean bool(String name) {
    if (!has(name)) {
      return false;
    }
    if (!body.get(name).isBoolean()) {
      throw serialization(name, "a boolean");
    }
    return body.get(name).asBoolean();
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String name) {
    return strings(body, name);
  }

  static List<String> strings(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw serialization(name, "a list");
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw serialization(name, "a list of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  /** A list of objects; empty when absent. */
  List<JsonNode> objects(String name) {
    JsonNode node = body.get(name);
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw serialization(name, "a list");
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw serialization(name, "a list of structures");
      }
      out.add(item);
    }
    return out;
  }

  /** A map of string lists, such as Parameters; empty when absent. */
  Map<String, List<String>> stringListMap(String name) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw serialization(name, "a map");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      out.put(key, strings(node, key));
    }
    return out;
  }

  private static AwsError serialization(String name, String expected) {
    return AwsError.of("SerializationException", "Member " + name + " must be " + expected + ".");
  }
}
