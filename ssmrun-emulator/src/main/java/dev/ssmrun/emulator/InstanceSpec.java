package dev.ssmrun.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to create one extra simulated instance: platform, whether its agent is online, and tags.
 * Immutable and thread-safe; create with {@link #builder()}.
 */
public final class InstanceSpec {
  private final Platform platform;
  private final boolean online;
  private final Map<String, String> tags;

  private InstanceSpec(Builder builder) {
    this.platform = builder.platform;
    this.online = builder.online;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
  }

  /** A builder for a Linux instance that is online and has no tags. */
  public static Builder builder() {
    return new Builder();
  }

  /** The platform; defaults to {@link Platform#LINUX}. */
  public Platform platform() {
    return platform;
  }

  /** False for an instance whose agent never answers ({@code ConnectionLost}). */
  public boolean online() {
    return online;
  }

  /** Tags of this instance, in insertion order. The emulator adds its common tags too. */
  public Map<String, String> tags() {
    return tags;
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder builder = new Builder().platform(platform).online(online);
    builder.tags.putAll(tags);
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceSpec other
        && platform == other.platform
        && online == other.online
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, online, tags);
  }

  @Override
  public String toString() {
    return "InstanceSpec{platform=" + platform + ", online=" + online + ", tags=" + tags + "}";
  }

  /** Builds {@link InstanceSpec}s. Not thread-safe. */
  public static final class Builder {
    private Platform platform = Platform.LINUX;
    private boolean online = true;
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the platform. */
    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform == null");
      return this;
    }

    /** Sets whether the agent is reachable ({@code Online}) or not ({@code ConnectionLost}). */
    public Builder online(boolean online) {
      this.online = online;
      return this;
    }

    /** Adds a tag; a later value for the same key replaces an earlier one. */
    public Builder addTag(String key, String value) {
      tags.put(
          Objects.requireNonNull(key, "key == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Builds the spec. */
    public InstanceSpec build() {
      return new InstanceSpec(this);
    }
  }
}
