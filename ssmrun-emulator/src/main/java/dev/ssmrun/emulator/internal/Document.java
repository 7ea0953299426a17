package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.Platform;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The command documents the emulator knows: the two AWS script documents (schema 1.2). */
@SuppressWarnings("ImmutableEnumChecker") // platforms is an unmodifiable EnumSet copy
public enum Document {
  RUN_SHELL_SCRIPT(
      "AWS-RunShellScript", "aws:runShellScript", EnumSet.of(Platform.LINUX, Platform.MACOS)),
  RUN_POWERSHELL_SCRIPT(
      "AWS-RunPowerShellScript", "aws:runPowerShellScript", EnumSet.of(Platform.WINDOWS));

  /** The document's size in bytes (its JSON content), which counts against the size limit. */
  public static final int CONTENT_SIZE = 1_800;

  /** AWS-RunShellScript's allowedPattern for executionTimeout: 1 to 172800. */
  public static final Pattern EXECUTION_TIMEOUT =
      Pattern.compile(
          "([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)");

  public static final Set<String> PARAMETERS =
      Set.of("commands", "workingDirectory", "executionTimeout");

  public final String documentName;
  public final String pluginName;

  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, never changed
  public final Set<Platform> platforms;

  Document(String documentName, String pluginName, Set<Platform> platforms) {
    this.documentName = documentName;
    this.pluginName = pluginName;
    this.platforms = Set.copyOf(platforms);
  }

  /** The document named {@code name}, or null if the emulator does not know it. */
  public static Document byName(String name) {
    for (Document d : values()) {
      if (d.documentName.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
