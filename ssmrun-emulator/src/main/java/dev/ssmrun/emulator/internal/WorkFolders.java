package dev.ssmrun.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Private temporary folders for the instances, deleted when the emulator closes. */
public final class WorkFolders {
  private WorkFolders() {}

  /** A new folder only the current user can enter. */
  public static Path createTemp() {
    try {
      return Files.createTempDirectory(
          "ssmrun-emulator-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the emulator", e);
    }
  }

  /** Deletes {@code root} and everything below it, ignoring files that vanish meanwhile. */
  public static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(WorkFolders::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left behind only if a script still writes there; the rest is removed.
    }
  }
}
