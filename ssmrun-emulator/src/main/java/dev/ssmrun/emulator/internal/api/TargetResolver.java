package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Instance;
import dev.ssmrun.emulator.internal.Invocation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates SendCommand Targets and later resolves them to instances, as the service does. */
final class TargetResolver {
  private static final Pattern KEY =
      Pattern.compile(
          "^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters"
              + "|resource-groups:Name");

  private final Engine engine;

  TargetResolver(Engine engine) {
    this.engine = engine;
  }

  /** The Targets of a request, checked against the model's limits. */
  static List<JsonNode> validate(Req req) {
    List<JsonNode> targets = req.objects("Targets");
    if (targets.size() > 5) {
      throw AwsError.validation(
          req.body.get("Targets").toString(),
          "targets",
          "Member must have length less than or equal to 5");
    }
    targets.forEach(TargetResolver::validateTarget);
    return targets;
  }

  private static void validateTarget(JsonNode target) {
    String key = target.path("Key").asText("");
    Req.check(key, "targets.member.key", 1, 163, KEY);
    List<String> values = Req.strings(target, "Values");
    if (values.size() > 50) {
      throw AwsError.validation(
          values.toString(),
          "targets.member.values",
          "Member must have length less than or equal to 50");
    }
    if (key.startsWith("tag:") && values.size() > 5) {
      throw AwsError.of(
          "InvalidParameters",
          "A tag target takes at most 5 values; " + key + " has " + values.size() + ".");
    }
    if (isInstanceIds(target)) {
      List<String> ids = new java.util.ArrayList<>(values);
      ids.remove("*");
      SendCommandOperation.checkIds(ids, "targets.member.values");
    }
    boolean known =
        key.startsWith("tag:")
            || key.equals("tag-key")
            || isInstanceIds(target)
            || key.startsWith("resource-groups:");
    if (!known) {
      throw AwsError.of(
          "InvalidParameters",
          "Target key "
              + key
              + " is not supported; use tag:<key>, tag-key, InstanceIds or"
              + " resource-groups:Name.");
    }
  }

  /** True for a target of key {@code InstanceIds} (any case). */
  static boolean isInstanceIds(JsonNode target) {
    return target.path("Key").asText("").toLowerCase(Locale.ROOT).equals("instanceids");
  }

  /** Adds one invocation per matching instance; every target must match (AND). */
  void resolve(CommandRecord command, List<JsonNode> targets) {
    synchronized (engine.lock) {
      Instant now = engine.clock.instant();
      Instant visibleAt = command.requestedAt.plus(engine.settings.visibilityDelay());
      if (now.isAfter(visibleAt)) {
        visibleAt = now;
      }
      for (Instance instance : engine.instances.values()) {
        if (targets.stream().allMatch(t -> matches(instance, t))) {
          Invocation inv = new Invocation(command, instance, visibleAt);
          if (!command.document.platforms.contains(instance.platform)) {
            inv.finish("Failed", "InvalidPlatform", -1, now);
          }
          command.invocations.put(instance.id, inv);
        }
      }
      command.targetsResolved(true);
    }
  }

  private static boolean matches(Instance instance, JsonNode target) {
    String key = target.path("Key").asText();
    List<String> values = Req.strings(target, "Values");
    if (key.startsWith("tag:")) {
      String tag = instance.tags.get(key.substring(4));
      return tag != null && values.contains(tag);
    }
    if (key.equals("tag-key")) {
      return values.stream().anyMatch(instance.tags::containsKey);
    }
    if (key.toLowerCase(Locale.ROOT).equals("instanceids")) {
      return values.contains(instance.id) || values.contains("*");
    }
    return false;
  }
}
