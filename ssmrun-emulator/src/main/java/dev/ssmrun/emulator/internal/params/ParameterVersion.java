package dev.ssmrun.emulator.internal.params;

import java.time.Instant;

/**
 * One version of a parameter, as PutParameter stored it.
 *
 * @param type {@code String}, {@code StringList} or {@code SecureString}
 * @param keyId the KMS key of a SecureString, else null
 */
public record ParameterVersion(
    String name,
    long version,
    String type,
    String value,
    String description,
    String keyId,
    String allowedPattern,
    String tier,
    String dataType,
    Instant modifiedAt) {

  /** True for a SecureString, whose value is shown only when decryption is asked for. */
  public boolean secure() {
    return type.equals("SecureString");
  }

  @Override
  public String toString() {
    return "ParameterVersion{" + name + ":" + version + ", " + type + "}"; // never the value
  }
}
