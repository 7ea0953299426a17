package dev.ssmrun.emulator.internal.params;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Parameters by name, each with every version ever put. Thread-safe: one lock for memory work.
 * SecureString values are shown encrypted (AES-GCM under a key that lives as long as the store)
 * when decryption is not asked for, as the service shows KMS ciphertext.
 */
public final class ParameterStore {
  private final Map<String, List<ParameterVersion>> parameters = new TreeMap<>();
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** An empty store with a fresh encryption key. */
  public ParameterStore() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      this.key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no AES in this JVM", e);
    }
  }

  /**
   * Stores a new version built by {@code next} from the latest one (null for a new parameter) and
   * returns it; {@code next} runs under the lock and may throw to refuse.
   */
  public synchronized ParameterVersion put(
      String name, java.util.function.Function<ParameterVersion, ParameterVersion> next) {
    List<ParameterVersion> versions = parameters.get(name);
    ParameterVersion latest = versions == null ? null : versions.get(versions.size() - 1);
    ParameterVersion added = next.apply(latest);
    parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(added);
    return added;
  }

  /** The latest version, or null if there is no such parameter. */
  public synchronized ParameterVersion latest(String name) {
    List<ParameterVersion> versions = parameters.get(name);
    return versions == null ? null : versions.get(versions.size() - 1);
  }

  /** Every version, oldest first; empty if there is no such parameter. */
  public synchronized List<ParameterVersion> versions(String name) {
    return List.copyOf(parameters.getOrDefault(name, List.of()));
  }

  /** Deletes a parameter with all its versions; false if there is none. */
  public synchronized boolean delete(String name) {
    return parameters.remove(name) != null;
  }

  /** The latest version of every parameter, in name order. */
  public synchronized List<ParameterVersion> all() {
    List<ParameterVersion> out = new ArrayList<>();
    parameters.values().forEach(v -> out.add(v.get(v.size() - 1)));
    return out;
  }

  /** The value as the service returns it: plain, or a SecureString's ciphertext in base64. */
  public String shown(ParameterVersion version, boolean decrypt) {
    if (!version.secure() || decrypt) {
      return version.value();
    }
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(version.value().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt with AES-GCM", e);
    }
  }
}
