package dev.ssmrun.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to create one extra simulated instance: operating system (and so platform), whether its
 * agent is online, and tags. A {@code Name} tag that is a valid hostname becomes the instance's
 * hostname and {@code ComputerName}. Immutable and thread-safe; create with {@link #builder()}.
 */
public final class InstanceSpec {
  private final OperatingSystem os;
  private final boolean online;
  private final boolean cloudWatchLogs;
  private final Map<String, String> tags;

  private InstanceSpec(Builder builder) {
    this.os = builder.os;
    this.online = builder.online;
    this.cloudWatchLogs = builder.cloudWatchLogs;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
  }

  /** A builder for an Amazon Linux 2023 instance that is online and has no tags. */
  public static Builder builder() {
    return new Builder();
  }

  /** The platform; defaults to {@link Platform#LINUX}. */
  public Platform platform() {
    return os.platform();
  }

  /** The operating system; defaults to {@link OperatingSystem#AMAZON_LINUX_2023}. */
  public OperatingSystem operatingSystem() {
    return os;
  }

  /** False for an instance whose agent never answers ({@code ConnectionLost}). */
  public boolean online() {
    return online;
  }

  /**
   * False for an instance whose agent may not write to CloudWatch Logs (an instance profile
   * without the logs permissions): it never creates a log group nor publishes output, and its
   * commands run as usual. True by default.
   */
  public boolean cloudWatchLogs() {
    return cloudWatchLogs;
  }

  /** Tags of this instance, in insertion order. The emulator adds its common tags too. */
  public Map<String, String> tags() {
    return tags;
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder builder =
        new Builder().operatingSystem(os).online(online).cloudWatchLogs(cloudWatchLogs);
    builder.tags.putAll(tags);
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceSpec other
        && os == other.os
        && online == other.online
        && cloudWatchLogs == other.cloudWatchLogs
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(os, online, cloudWatchLogs, tags);
  }

  @Override
  public String toString() {
    return "InstanceSpec{os="
        + os
        + ", online="
        + online
        + ", cloudWatchLogs="
        + cloudWatchLogs
        + ", tags="
        + tags
        + "}";
  }

  /** Builds {@link InstanceSpec}s. Not thread-safe. */
  public static final class Builder {
    private OperatingSystem os = OperatingSystem.AMAZON_LINUX_2023;
    private boolean online = true;
    private boolean cloudWatchLogs = true;
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the platform, with its default operating system (e.g. Windows Server 2022). */
    public Builder platform(Platform platform) {
      this.os = Objects.requireNonNull(platform, "platform == null").defaultOperatingSystem();
      return this;
    }

    /** Sets the operating system, and with it the platform and the shell that runs scripts. */
    public Builder operatingSystem(OperatingSystem os) {
      this.os = Objects.requireNonNull(os, "os == null");
      return this;
    }

    /** Sets whether the agent is reachable ({@code Online}) or not ({@code ConnectionLost}). */
    public Builder online(boolean online) {
      this.online = online;
      return this;
    }

    /** Sets whether the agent may write to CloudWatch Logs (default true). */
    public Builder cloudWatchLogs(boolean cloudWatchLogs) {
      this.cloudWatchLogs = cloudWatchLogs;
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
