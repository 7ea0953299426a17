package dev.ssmrun.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFoldersTest {
  @Test
  void delete_folderItsOwnerCannotEnter_deletedAnyway(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root/fs/work/etc/work"));
    Files.writeString(root.resolve("left"), "x");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));

    WorkFolders.delete(tmp.resolve("root"));

    assertThat(tmp.resolve("root")).doesNotExist();
  }
}
