package dev.ssmrun.emulator.internal.api;

import dev.ssmrun.emulator.internal.params.ParameterStore;
import dev.ssmrun.emulator.internal.params.ParameterVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter selectors ({@code name}, {@code name:version}) and the {@code {{ssm:name}}} references
 * in SendCommand parameters, which the service resolves when the command is sent.
 */
final class ParameterReferences {
  private static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*(ssm(?:-secure)?):([^}]*?)\\s*\\}\\}");

  private ParameterReferences() {}

  /**
   * The version a selector names: the latest, or {@code name:N}.
   *
   * @throws AwsError ParameterNotFound or ParameterVersionNotFound
   */
  static ParameterVersion find(ParameterStore store, String selector) {
    Req.check(selector, "name", 1, 2048, null);
    int colon = selector.lastIndexOf(':');
    String name = colon > 0 ? selector.substring(0, colon) : selector;
    String version = colon > 0 ? selector.substring(colon + 1) : null;
    ParameterVersion latest = store.latest(name);
    if (latest == null) {
      throw AwsError.bare("ParameterNotFound");
    }
    if (version == null) {
      return latest;
    }
    for (ParameterVersion v : store.versions(name)) {
      if (Long.toString(v.version()).equals(version)) {
        return v;
      }
    }
    throw AwsError.of(
        "ParameterVersionNotFound",
        "Systems Manager could not find version "
            + version
            + " of "
            + name
            + ". Verify the version and try again.");
  }

  /**
   * {@code parameters} with every {@code {{ssm:name}}} replaced by the parameter's value (a
   * StringList as its comma-separated text).
   *
   * @throws AwsError InvalidParameters for an unknown name, a SecureString or {@code ssm-secure}
   */
  static Map<String, List<String>> resolve(
      ParameterStore store, Map<String, List<String>> parameters) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          List<String> resolved = new ArrayList<>();
          values.forEach(v -> resolved.add(resolve(store, v)));
          out.put(name, resolved);
        });
    return out;
  }

  private static String resolve(ParameterStore store, String value) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String reference = m.group(0);
      if (m.group(1).equals("ssm-secure")) {
        throw invalid(
            reference
                + ": SecureString references are not supported in Run Command document"
                + " parameters; read the parameter on the instance instead.");
      }
      ParameterVersion found;
      try {
        found = find(store, m.group(2));
      } catch (AwsError e) {
        throw invalid("Parameter " + reference + " cannot be resolved: " + e.code() + ".");
      }
      if (found.secure()) {
        throw invalid(
            "Parameter "
                + reference
                + " is a SecureString; {{ssm:...}} takes String and StringList parameters only.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found.value()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static AwsError invalid(String message) {
    return AwsError.of("InvalidParameters", message);
  }
}
