package dev.ssmrun.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

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

  /**
   * Deletes {@code root} and everything below it, ignoring files that vanish meanwhile. Folders
   * the owner cannot enter (an overlay's work folder is mode 000, a script may chmod its own) are
   * opened first.
   */
  public static void delete(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              deleteOne(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof AccessDeniedException && open(file)) {
                delete(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              deleteOne(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /** Gives the owner rwx on a folder it cannot enter; false if that did not help. */
  private static boolean open(Path dir) {
    try {
      Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
      permissions.addAll(Files.getPosixFilePermissions(dir)); // EnumSet.copyOf fails on mode 000
      permissions.addAll(
          Set.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));
      Files.setPosixFilePermissions(dir, permissions);
      return Files.isReadable(dir);
    } catch (IOException | IllegalArgumentException e) {
      return false;
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
