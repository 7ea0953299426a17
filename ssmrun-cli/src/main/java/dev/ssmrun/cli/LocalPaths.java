package dev.ssmrun.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ssmrun run -- ./deploy.sh} runs {@code ./deploy.sh} on the instance, not the local file
 * of that name. When such a local file exists, say so once, with the flag that sends it.
 */
final class LocalPaths {
  private LocalPaths() {}

  static Optional<String> hint(RunOptions options) {
    if (options.scriptFile != null || options.command.isEmpty()) {
      return Optional.empty();
    }
    String first = options.command.get(0).strip().split("\\s+", 2)[0];
    if (!first.contains("/") || !isLocalFile(first)) {
      return Optional.empty();
    }
    return Optional.of(
        "ssmrun: note: "
            + first
            + " runs the path "
            + first
            + " on each instance; to send the local file instead, use -f "
            + first);
  }

  private static boolean isLocalFile(String path) {
    try {
      return Files.isRegularFile(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
