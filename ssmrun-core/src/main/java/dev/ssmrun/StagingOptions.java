package dev.ssmrun;

import java.util.Objects;
import java.util.Optional;

/**
 * What a run puts in S3 and when: the staging location (else the runner's), whether the payload is
 * staged even when it would fit inline, whether staged objects are kept, the script's input and
 * whether its results are collected. Part of a {@link RunRequest}, set through its builder. This
 * class is immutable and thread-safe.
 *
 * <p>ssmrun stages the payload (script, arguments and environment) when {@link #forced()}, when
 * the rendered SendCommand would pass the runner's staging threshold (48 KiB by default; SSM
 * refuses about 64 KB), when there is secret environment, input or results, and when a staging
 * location is set and the payload has environment values (they then stay out of SSM's command
 * history).
 */
public final class StagingOptions {
  private final StagingLocation location;
  private final boolean forced;
  private final boolean keepObjects;
  private final ScriptInput input;
  private final boolean collectResults;

  StagingOptions(
      StagingLocation location,
      boolean forced,
      boolean keepObjects,
      ScriptInput input,
      boolean collectResults) {
    this.location = location;
    this.forced = forced;
    this.keepObjects = keepObjects;
    this.input = input;
    this.collectResults = collectResults;
  }

  /** The staging location for this run, if set; otherwise the runner's, if any. */
  public Optional<StagingLocation> location() {
    return Optional.ofNullable(location);
  }

  /** True if the payload is staged even when it would fit inline. Default false. */
  public boolean forced() {
    return forced;
  }

  /** True if staged objects, input, results and output stay in S3 after the run. Default false. */
  public boolean keepObjects() {
    return keepObjects;
  }

  /** The script's input, found at {@code $SSMRUN_INPUT} on the instance, if set. */
  public Optional<ScriptInput> input() {
    return Optional.ofNullable(input);
  }

  /**
   * True if each instance uploads the file its script wrote at {@code $SSMRUN_RESULT}; implied by
   * an input.
   */
  public boolean collectResults() {
    return collectResults || input != null;
  }

  /** The setting as given, without the input's implication (for the request's builder). */
  boolean collectResultsSetting() {
    return collectResults;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StagingOptions other
        && Objects.equals(location, other.location)
        && forced == other.forced
        && keepObjects == other.keepObjects
        && Objects.equals(input, other.input)
        && collectResults == other.collectResults;
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, forced, keepObjects, input, collectResults);
  }

  @Override
  public String toString() {
    return "StagingOptions{location="
        + location
        + ", forced="
        + forced
        + ", keepObjects="
        + keepObjects
        + ", input="
        + input
        + ", collectResults="
        + collectResults()
        + "}";
  }
}
