package dev.ssmrun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run goes: instance ids (any number; ssmrun sends 50 per SendCommand) or tag targets that
 * SSM resolves. Part of a {@link RunRequest}, set through its builder. This class is immutable and
 * thread-safe.
 */
public final class Targets {
  private final List<String> instanceIds;
  private final Map<String, List<String>> tags;

  Targets(List<String> instanceIds, Map<String, List<String>> tags) {
    this.instanceIds = List.copyOf(instanceIds);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    tags.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.tags = Collections.unmodifiableMap(copy);
  }

  /** Instance ids in the order given, without duplicates; empty when tags are used. */
  public List<String> instanceIds() {
    return instanceIds;
  }

  /**
   * Tag targets, key to values, e.g. {@code Role -> [web, api]}; empty when instance ids are
   * used. The key {@code instanceids} lists instance ids for SSM to resolve.
   */
  public Map<String, List<String>> tags() {
    return tags;
  }

  /** True if SSM resolves the instances (tag targets), false for instance ids. */
  public boolean byTags() {
    return instanceIds.isEmpty();
  }

  /** The tag targets as {@code Key=v1,v2} strings, e.g. for messages. */
  public List<String> describeTags() {
    List<String> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(k + "=" + String.join(",", v)));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Targets other
        && instanceIds.equals(other.instanceIds)
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceIds, tags);
  }

  @Override
  public String toString() {
    return byTags()
        ? "Targets{tags=" + describeTags() + "}"
        : "Targets{instances=" + instanceIds.size() + "}";
  }
}
