package dev.ssmrun.emulator.internal.api;

import dev.ssmrun.emulator.internal.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Checks SendCommand Parameters against the script documents' declarations. */
final class DocumentParameters {
  private DocumentParameters() {}

  /**
   * Returns the parameters with defaults filled in.
   *
   * @throws AwsError InvalidParameters for unknown names, a missing {@code commands}, or values the
   *     document does not allow
   */
  static Map<String, List<String>> validate(Map<String, List<String>> given) {
    List<String> unknown = new ArrayList<>();
    for (String name : given.keySet()) {
      if (!Document.PARAMETERS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw invalid(
          "Parameters "
              + unknown
              + " are not defined in the document. Allowed: "
              + new TreeSet<>(Document.PARAMETERS)
              + ".");
    }
    List<String> commands = given.get("commands");
    if (commands == null || commands.isEmpty()) {
      throw invalid("Parameter \"commands\" is required and needs at least one value.");
    }
    Map<String, List<String>> out = new LinkedHashMap<>(given);
    String workingDirectory = single(given, "workingDirectory", "");
    if (workingDirectory.length() > 4096) {
      throw invalid("Parameter \"workingDirectory\" is longer than 4096 characters.");
    }
    String timeout = single(given, "executionTimeout", "3600");
    if (!Document.EXECUTION_TIMEOUT.matcher(timeout).matches()) {
      throw invalid(
          "Parameter \"executionTimeout\" must be a whole number of seconds from 1 to"
              + " 172800, got '"
              + timeout
              + "'.");
    }
    out.put("workingDirectory", List.of(workingDirectory));
    out.put("executionTimeout", List.of(timeout));
    return out;
  }

  private static String single(Map<String, List<String>> given, String name, String fallback) {
    List<String> values = given.get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    if (values.size() > 1) {
      throw invalid("Parameter \"" + name + "\" takes one value, got " + values.size() + ".");
    }
    return values.get(0);
  }

  private static AwsError invalid(String message) {
    return AwsError.of("InvalidParameters", message);
  }
}
