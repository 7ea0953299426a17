package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.internal.logs.LogsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything an emulator was configured with. Immutable. {@code isolation} is null when the
 * emulator picks the best one the host allows.
 */
public record Settings(
    int port,
    int s3Port,
    String accessKeyId,
    String secretAccessKey,
    String region,
    Duration visibilityDelay,
    int maxDocumentSize,
    Duration timeoutUnit,
    boolean rampUp,
    FaultSpec faults,
    long seed,
    Path workRoot,
    Map<String, String> commonTags,
    Clock clock,
    LogsSettings logs,
    int maxRequestSize,
    Isolation isolation) {

  /** Real time that {@code seconds} of a TimeoutSeconds or executionTimeout last here. */
  public Duration scaled(long seconds) {
    return timeoutUnit.multipliedBy(seconds);
  }
}
