package dev.ssmrun.emulator.internal.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Finds the host programs the agent starts, so that each is run by its absolute path. */
final class Tools {
  /** The agent's PATH (amazon-ssm-agent under systemd); also where pwsh must be found. */
  static final String AGENT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin";

  private Tools() {}

  /** {@code name} on the emulator's PATH or in the system folders, if it is executable there. */
  static Optional<Path> find(String name) {
    Set<String> dirs = new LinkedHashSet<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(java.util.Arrays.asList(path.split(File.pathSeparator, -1)));
    }
    dirs.addAll(java.util.Arrays.asList((AGENT_PATH + ":/sbin:/bin").split(":", -1)));
    return first(name, dirs);
  }

  /** {@code name} in the agent's PATH only (what a script's {@code sh} and the agent see). */
  static Optional<Path> onAgentPath(String name) {
    return first(name, new LinkedHashSet<>(java.util.Arrays.asList(AGENT_PATH.split(":", -1))));
  }

  /** {@link #find}, or an exception that says what to install. */
  static Path require(String name, String packageHint) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name + " is not installed (" + packageHint + " provides it)"));
  }

  private static Optional<Path> first(String name, Set<String> dirs) {
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
