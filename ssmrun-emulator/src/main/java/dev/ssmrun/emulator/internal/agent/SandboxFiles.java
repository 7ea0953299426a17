package dev.ssmrun.emulator.internal.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a sandboxed instance's folders on the host before its holder mounts them: the mount
 * points of its {@code /}, the overlays' upper and work folders, the {@code fstab} the holder
 * mounts, and the files that make the machine the instance's (its {@code /bin/sh}, {@code
 * /etc/hostname}, {@code /etc/hosts}, a {@code /etc/resolv.conf} that does not point into the
 * host's {@code /run}). Those files go into the upper folders, so they are the instance's own.
 */
final class SandboxFiles {
  private final SandboxMachine machine;
  private final SandboxLayout layout;
  private final Path rootfs;
  private final Path upper;
  private final Path work;
  private final List<String> fstab = new ArrayList<>();

  SandboxFiles(SandboxMachine machine, SandboxLayout layout) {
    this.machine = machine;
    this.layout = layout;
    this.rootfs = machine.rootfs();
    this.upper = machine.fs().resolve("upper");
    this.work = machine.fs().resolve("work");
  }

  void prepare() throws IOException {
    Files.createDirectories(rootfs);
    for (SandboxLayout.Entry entry : layout.entries()) {
      place(entry);
    }
    for (String folder : List.of("root", "home", "tmp", "run")) {
      Path own = Files.createDirectories(machine.fs().resolve(folder));
      mount(own.toString(), inside("/" + folder), "none", "bind");
    }
    Files.createDirectories(machine.fs().resolve("run/lock"));
    devices();
    String document = "/var/lib/amazon/ssm/" + machine.instanceId + "/document";
    Files.createDirectories(hostPath(document));
    Files.createDirectories(machine.home.resolve("document"));
    mount(machine.home.resolve("document").toString(), inside(document), "none", "bind");
    identify();
    Files.write(machine.fs().resolve("fstab"), fstab, StandardCharsets.UTF_8);
  }

  private void place(SandboxLayout.Entry entry) throws IOException {
    String path = entry.path();
    Path at = rootfs.resolve(path.substring(1));
    switch (entry.kind()) {
      case SYMLINK -> link(at, entry.target());
      case DIRECTORY -> Files.createDirectories(at);
      case FILE -> {
        if (!Files.exists(at)) {
          Files.createFile(at);
        }
        mount(path, at.toString(), "none", "bind,ro");
      }
      case OVERLAY -> {
        Files.createDirectories(at);
        Path up = Files.createDirectories(upper.resolve(path.substring(1)));
        Path wk = Files.createDirectories(work.resolve(path.substring(1)));
        mount(
            "overlay",
            at.toString(),
            "overlay",
            "lowerdir=" + path + ",upperdir=" + up + ",workdir=" + wk);
      }
    }
  }

  /**
   * The instance's {@code /dev}, built once (bwrap's {@code --dev} costs ~10 ms per script): the
   * host's null, zero, full, random, urandom and tty bound onto placeholders, a devpts instance
   * of its own, a private {@code /dev/shm}, and the usual links.
   */
  private void devices() throws IOException {
    Path dev = rootfs.resolve("dev");
    for (String node : List.of("null", "zero", "full", "random", "urandom", "tty")) {
      Path placeholder = dev.resolve(node);
      if (!Files.exists(placeholder)) {
        Files.createFile(placeholder);
      }
      mount("/dev/" + node, placeholder.toString(), "none", "bind");
    }
    Files.createDirectories(dev.resolve("pts"));
    Files.createDirectories(dev.resolve("shm"));
    mount("devpts", dev.resolve("pts").toString(), "devpts", "newinstance,ptmxmode=0666,mode=620");
    mount("tmpfs", dev.resolve("shm").toString(), "tmpfs", "mode=1777,nosuid,nodev");
    link(dev.resolve("ptmx"), "pts/ptmx");
    link(dev.resolve("fd"), "/proc/self/fd");
    link(dev.resolve("stdin"), "/proc/self/fd/0");
    link(dev.resolve("stdout"), "/proc/self/fd/1");
    link(dev.resolve("stderr"), "/proc/self/fd/2");
  }

  private static void link(Path at, String target) throws IOException {
    if (!Files.isSymbolicLink(at)) {
      Files.createSymbolicLink(at, Path.of(target));
    }
  }

  /** The instance's own /bin/sh, hostname, hosts and resolver files. */
  private void identify() throws IOException {
    if (!machine.os.shell().equals("pwsh")) {
      Tools.find(machine.os.shell()).ifPresent(this::shell);
    }
    String name = machine.hostname;
    write("/etc/hostname", name + "\n");
    String hosts = read(Path.of("/etc/hosts"));
    write(
        "/etc/hosts",
        hosts
            + (hosts.endsWith("\n") || hosts.isEmpty() ? "" : "\n")
            + "127.0.1.1\t"
            + name
            + "\n");
    Path resolv = Path.of("/etc/resolv.conf");
    if (Files.isSymbolicLink(resolv) && Files.isReadable(resolv)) {
      write("/etc/resolv.conf", read(resolv)); // its target is in the host's /run
    }
  }

  private void shell(Path program) {
    try {
      Path bin = Path.of("/bin").toRealPath();
      Path sh = hostPath(bin.resolve("sh").toString());
      Files.createDirectories(sh.getParent());
      Files.deleteIfExists(sh);
      Files.createSymbolicLink(sh, program);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot set the instance's /bin/sh", e);
    }
  }

  private void write(String insidePath, String content) throws IOException {
    Path file = hostPath(insidePath);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.writeString(file, content);
  }

  /** Where a file created now appears at {@code insidePath} once the holder has mounted all. */
  private Path hostPath(String insidePath) {
    SandboxLayout.Entry entry = layout.covering(insidePath);
    Path base = entry != null && entry.kind() == SandboxLayout.Kind.OVERLAY ? upper : rootfs;
    return base.resolve(insidePath.substring(1));
  }

  private String inside(String insidePath) {
    return rootfs.resolve(insidePath.substring(1)).toString();
  }

  private void mount(String source, String target, String type, String options) {
    fstab.add(escape(source) + " " + escape(target) + " " + type + " " + options + " 0 0");
  }

  /** fstab's octal escapes for the characters that would split a field. */
  private static String escape(String field) {
    return field
        .replace("\\", "\\134")
        .replace(" ", "\\040")
        .replace("\t", "\\011")
        .replace("\n", "\\012");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
