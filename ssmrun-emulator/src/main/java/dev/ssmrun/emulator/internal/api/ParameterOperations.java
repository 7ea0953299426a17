package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Json;
import dev.ssmrun.emulator.internal.params.ParameterStore;
import dev.ssmrun.emulator.internal.params.ParameterVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parameter Store: PutParameter, GetParameter(s), DeleteParameter, DescribeParameters. */
final class ParameterOperations {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
  private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
  private static final Set<String> TIERS = Set.of("Standard", "Advanced", "Intelligent-Tiering");
  private static final Set<String> DATA_TYPES =
      Set.of("text", "aws:ec2:image", "aws:ssm:integration");
  private static final Set<String> FILTER_KEYS = Set.of("Name", "Type", "KeyId");
  private static final Set<String> STRING_FILTER_KEYS =
      Set.of("Name", "Type", "KeyId", "Path", "Tier", "DataType");
  private static final int STANDARD_VALUE_LIMIT = 4096;
  private static final int ADVANCED_VALUE_LIMIT = 8192;
  private static final int MAX_DEPTH = 15;
  static final String DEFAULT_KEY = "alias/aws/ssm";

  private final Engine engine;
  private final ParameterStore store;

  ParameterOperations(Engine engine) {
    this.engine = engine;
    this.store = engine.parameters;
  }

  ObjectNode put(Req req) {
    String name = name(req.required("Name", "name"));
    if (!req.has("Value")) {
      throw AwsError.validation("null", "value", "Member must not be null");
    }
    String value = req.string("Value");
    String type = enumValue(req, "Type", "type", TYPES);
    String tier = enumValue(req, "Tier", "tier", TIERS);
    String dataType = enumValue(req, "DataType", "dataType", DATA_TYPES);
    String description = req.string("Description");
    if (description != null) {
      Req.check(description, "description", 0, 1024, null);
    }
    String allowedPattern = req.string("AllowedPattern");
    String keyId = req.string("KeyId");
    boolean overwrite = req.bool("Overwrite");
    checkValue(value, tier);
    ParameterVersion stored =
        store.put(
            name,
            latest -> {
              if (latest != null && !overwrite) {
                throw AwsError.of(
                    "ParameterAlreadyExists",
                    "The parameter already exists. To overwrite this value, set the overwrite"
                        + " option in the request to true.");
              }
              String newType = type != null ? type : latest == null ? null : latest.type();
              if (newType == null) {
                throw AwsError.of(
                    "ValidationException",
                    "A parameter type is required when you create a parameter.");
              }
              if (keyId != null && !newType.equals("SecureString")) {
                throw AwsError.of(
                    "ValidationException",
                    "KeyId is required for SecureString type parameter only.");
              }
              String pattern = allowedPattern != null ? allowedPattern : previous(latest);
              checkPattern(value, pattern);
              String newTier =
                  tier == null || tier.equals("Intelligent-Tiering") ? tierFor(value) : tier;
              return new ParameterVersion(
                  name,
                  latest == null ? 1 : latest.version() + 1,
                  newType,
                  value,
                  description != null ? description : latest == null ? null : latest.description(),
                  newType.equals("SecureString") ? (keyId != null ? keyId : DEFAULT_KEY) : null,
                  pattern,
                  newTier,
                  dataType != null ? dataType : "text",
                  engine.clock.instant());
            });
    ObjectNode out = Json.object();
    out.put("Version", stored.version());
    out.put("Tier", stored.tier());
    return out;
  }

  ObjectNode get(Req req) {
    String selector = req.required("Name", "name");
    ParameterVersion found = ParameterReferences.find(store, selector);
    ObjectNode out = Json.object();
    out.set("Parameter", parameter(found, selector, req.bool("WithDecryption")));
    return out;
  }

  ObjectNode getMany(Req req) {
    List<String> names = req.strings("Names");
    if (names.isEmpty() || names.size() > 10) {
      throw AwsError.validation(
          names.toString(),
          "names",
          "Member must have length less than or equal to 10 and greater than or equal to 1");
    }
    boolean decrypt = req.bool("WithDecryption");
    ObjectNode out = Json.object();
    ArrayNode found = out.putArray("Parameters");
    ArrayNode invalid = out.putArray("InvalidParameters");
    for (String selector : new java.util.LinkedHashSet<>(names)) {
      try {
        found.add(parameter(ParameterReferences.find(store, selector), selector, decrypt));
      } catch (AwsError e) {
        if (!e.code().startsWith("Parameter")) {
          throw e;
        }
        invalid.add(selector);
      }
    }
    return out;
  }

  ObjectNode delete(Req req) {
    String name = req.required("Name", "name");
    Req.check(name, "name", 1, 2048, null);
    if (!store.delete(name)) {
      throw AwsError.bare("ParameterNotFound");
    }
    return Json.object();
  }

  ObjectNode describe(Req req) {
    List<JsonNode> legacy = req.objects("Filters");
    List<JsonNode> filters = req.objects("ParameterFilters");
    if (!legacy.isEmpty() && !filters.isEmpty()) {
      throw AwsError.of(
          "ValidationException",
          "You can use either Filters or ParameterFilters in a single request, not both.");
    }
    int maxResults = req.intInRange("MaxResults", "maxResults", 1, 50, 10);
    List<Predicate<ParameterVersion>> tests = new ArrayList<>();
    legacy.forEach(f -> tests.add(legacyFilter(f)));
    filters.forEach(f -> tests.add(stringFilter(f)));
    List<ObjectNode> matching = new ArrayList<>();
    for (ParameterVersion p : store.all()) {
      if (tests.stream().allMatch(t -> t.test(p))) {
        matching.add(metadata(p));
      }
    }
    Paging.Page<ObjectNode> page = Paging.page(matching, req, maxResults);
    return Shapes.page("Parameters", page.items(), page.nextToken());
  }

  private static Predicate<ParameterVersion> legacyFilter(JsonNode filter) {
    String key = filter.path("Key").asText("");
    if (!FILTER_KEYS.contains(key)) {
      throw AwsError.validation(
          key, "filters.member.key", "Member must satisfy enum value set: " + FILTER_KEYS);
    }
    List<String> values = Req.strings(filter, "Values");
    if (values.isEmpty()) {
      throw AwsError.bare("InvalidFilterValue");
    }
    return p -> values.contains(field(p, key));
  }

  private static Predicate<ParameterVersion> stringFilter(JsonNode filter) {
    String key = filter.path("Key").asText("");
    boolean tag = key.startsWith("tag:");
    if (!tag && !STRING_FILTER_KEYS.contains(key)) {
      throw AwsError.of("InvalidFilterKey", "The filter key " + key + " isn't valid.");
    }
    String option = filter.path("Option").asText("Equals");
    Set<String> options =
        key.equals("Path")
            ? Set.of("Recursive", "OneLevel")
            : key.equals("Name") ? Set.of("Equals", "BeginsWith", "Contains") : Set.of("Equals");
    if (!key.equals("Path") && !filter.has("Option")) {
      option = "Equals";
    } else if (key.equals("Path") && !filter.has("Option")) {
      option = "OneLevel";
    }
    if (!options.contains(option)) {
      throw AwsError.of(
          "InvalidFilterOption",
          "The filter option " + option + " isn't valid for key " + key + ". Valid: " + options);
    }
    List<String> values = Req.strings(filter, "Values");
    if (key.equals("Type") && !TYPES.containsAll(values)) {
      throw AwsError.of(
          "InvalidFilterValue", "The filter value " + values + " isn't valid for key Type.");
    }
    if (tag) {
      return p -> false; // parameters carry no tags here
    }
    String chosen = option;
    return p -> values.isEmpty() || values.stream().anyMatch(v -> matches(p, key, chosen, v));
  }

  private static boolean matches(ParameterVersion p, String key, String option, String value) {
    if (key.equals("Path")) {
      String path = value.endsWith("/") ? value : value + "/";
      if (!p.name().startsWith(path)) {
        return false;
      }
      return option.equals("Recursive") || p.name().indexOf('/', path.length()) < 0;
    }
    String field = field(p, key);
    if (field == null) {
      return false;
    }
    return switch (option) {
      case "BeginsWith" -> field.startsWith(value);
      case "Contains" -> field.contains(value);
      default -> field.equals(value);
    };
  }

  private static String field(ParameterVersion p, String key) {
    return switch (key) {
      case "Name" -> p.name();
      case "Type" -> p.type();
      case "KeyId" -> p.keyId();
      case "Tier" -> p.tier();
      default -> p.dataType();
    };
  }

  private ObjectNode parameter(ParameterVersion p, String selector, boolean decrypt) {
    ObjectNode o = Json.object();
    o.put("Name", p.name());
    o.put("Type", p.type());
    o.put("Value", store.shown(p, decrypt));
    o.put("Version", p.version());
    int colon = selector.lastIndexOf(':');
    if (colon > 0 && !selector.startsWith("arn:")) {
      o.put("Selector", selector.substring(colon));
    }
    o.put("LastModifiedDate", Json.epoch(p.modifiedAt()));
    o.put("ARN", arn(p.name()));
    o.put("DataType", p.dataType());
    return o;
  }

  private ObjectNode metadata(ParameterVersion p) {
    ObjectNode o = Json.object();
    o.put("Name", p.name());
    o.put("ARN", arn(p.name()));
    o.put("Type", p.type());
    if (p.keyId() != null) {
      o.put("KeyId", p.keyId());
    }
    o.put("LastModifiedDate", Json.epoch(p.modifiedAt()));
    o.put("LastModifiedUser", "arn:aws:iam::000000000000:user/" + engine.settings.accessKeyId());
    if (p.description() != null) {
      o.put("Description", p.description());
    }
    if (p.allowedPattern() != null) {
      o.put("AllowedPattern", p.allowedPattern());
    }
    o.put("Version", p.version());
    o.put("Tier", p.tier());
    o.putArray("Policies");
    o.put("DataType", p.dataType());
    return o;
  }

  private String arn(String name) {
    return "arn:aws:ssm:"
        + engine.settings.region()
        + ":000000000000:parameter"
        + (name.startsWith("/") ? "" : "/")
        + name;
  }

  /** Checks a name for PutParameter as the service does. */
  private static String name(String name) {
    Req.check(name, "name", 1, 2048, null);
    if (!NAME.matcher(name).matches()) {
      throw AwsError.of(
          "ValidationException",
          "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If"
              + " formed as a path, it can consist of sub-paths divided by slash symbol; each"
              + " sub-path can be formed as a mix of letters, numbers and the following 3"
              + " symbols .-_");
    }
    String bare = name.startsWith("/") ? name.substring(1) : name;
    String lower = bare.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ssm")) {
      throw AwsError.of(
          "ValidationException", "No access to reserved parameter name: " + name + ".");
    }
    if (name.contains("/") && !name.startsWith("/")) {
      throw AwsError.of(
          "ValidationException",
          "Parameter name: a name that has sub-paths must be fully qualified (start with /).");
    }
    if (name.chars().filter(c -> c == '/').count() > MAX_DEPTH) {
      throw AwsError.of(
          "HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels.");
    }
    return name;
  }

  private static void checkValue(String value, String tier) {
    if (value == null || value.isEmpty()) {
      throw AwsError.validation("", "value", "Member must have length greater than or equal to 1");
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    int limit =
        "Advanced".equals(tier) || "Intelligent-Tiering".equals(tier)
            ? ADVANCED_VALUE_LIMIT
            : STANDARD_VALUE_LIMIT;
    if (bytes > limit) {
      throw AwsError.of(
          "ValidationException",
          limit == STANDARD_VALUE_LIMIT
              ? "Standard tier parameters support a maximum parameter value of 4096 characters."
                  + " To create a larger parameter value, upgrade the parameter to use the"
                  + " advanced-parameter tier."
              : "Advanced tier parameters support a maximum parameter value of 8192 characters.");
    }
  }

  private static String tierFor(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length > STANDARD_VALUE_LIMIT
        ? "Advanced"
        : "Standard";
  }

  private static String previous(ParameterVersion latest) {
    return latest == null ? null : latest.allowedPattern();
  }

  private static void checkPattern(String value, String pattern) {
    if (pattern == null) {
      return;
    }
    try {
      if (!Pattern.compile(pattern).matcher(value).matches()) {
        throw AwsError.of(
            "ParameterPatternMismatchException",
            "Parameter value, cannot be validated against allowedPattern: " + pattern);
      }
    } catch (PatternSyntaxException unused) {
      throw AwsError.of(
          "InvalidAllowedPatternException", "The request doesn't have a valid allowed pattern.");
    }
  }

  private static String enumValue(Req req, String member, String field, Set<String> allowed) {
    String value = req.string(member);
    if (value != null && !allowed.contains(value)) {
      throw AwsError.validation(
          value, field, "Member must satisfy enum value set: " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }
}
