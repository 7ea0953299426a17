package dev.ssmrun.emulator.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.internal.agent.SandboxLayout.Entry;
import dev.ssmrun.emulator.internal.agent.SandboxLayout.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLayoutTest {
  @Test
  void plan_overlaysSystemFolders_splitsAroundMountedFileSystems(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("usr/bin"));
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    Files.createDirectories(root.resolve("var/cache"));
    Files.createDirectories(root.resolve("var/lib/docker/overlay/merged"));
    Files.createDirectories(root.resolve("var/lib/a,b"));
    Files.writeString(root.resolve("var/lib/file"), "x");

    SandboxLayout layout =
        SandboxLayout.plan(root, Set.of("/proc", "/var/lib/docker/overlay/merged"));

    List<Entry> system = layout.entries().subList(0, layout.entries().size() - 10);
    assertThat(system)
        .containsExactly(
            new Entry(Kind.SYMLINK, "/bin", "usr/bin"),
            new Entry(Kind.OVERLAY, "/etc", ""),
            new Entry(Kind.OVERLAY, "/usr", ""),
            new Entry(Kind.DIRECTORY, "/var", ""),
            new Entry(Kind.OVERLAY, "/var/cache", ""),
            new Entry(Kind.DIRECTORY, "/var/lib", ""),
            new Entry(Kind.DIRECTORY, "/var/lib/docker", ""),
            new Entry(Kind.DIRECTORY, "/var/lib/docker/overlay", ""),
            new Entry(Kind.OVERLAY, "/var/lib/docker/overlay/merged", ""),
            new Entry(Kind.FILE, "/var/lib/file", ""));
    assertThat(layout.entries().subList(system.size(), layout.entries().size()))
        .extracting(Entry::path)
        .containsExactly(
            "/boot", "/dev", "/home", "/media", "/mnt", "/proc", "/root", "/run", "/sys", "/tmp");
    assertThat(layout.covering("/var/lib/docker/overlay/merged/x").path())
        .isEqualTo("/var/lib/docker/overlay/merged");
    assertThat(layout.covering("/var/lib/amazon/ssm").path()).isEqualTo("/var/lib");
  }

  @Test
  void mountPoints_readsFieldFiveWithOctalEscapes(@TempDir Path tmp) throws Exception {
    Path mountinfo = tmp.resolve("mountinfo");
    Files.writeString(
        mountinfo,
        "22 1 8:1 / / rw - ext4 /dev/vda rw\n"
            + "23 22 0:5 / /mnt/with\\040space rw - tmpfs tmpfs rw\n"
            + "24 22 0:6 / /proc rw - proc proc rw\n");

    assertThat(SandboxLayout.mountPoints(mountinfo)).containsExactly("/mnt/with space", "/proc");
  }
}
