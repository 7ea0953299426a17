package dev.ssmrun.emulator.internal.agent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which of the host's folders a sandboxed instance sees, and how: every system folder as a
 * private copy-on-write overlay (its writes stay in the instance), the host's symlinks such as
 * {@code /bin -> usr/bin} as they are, and empty private folders for the rest. A folder with
 * another file system mounted below it cannot be an overlay inside a user namespace; it becomes a
 * private folder whose entries are planned one by one (a file system mounted there becomes an
 * overlay of its own).
 * Immutable; planned once from {@code /proc/self/mountinfo}.
 */
final class SandboxLayout {
  /** What an instance's {@code /} holds at a path. */
  enum Kind {
    /** The host folder, copy-on-write. */
    OVERLAY,
    /** A private folder (empty, or holding planned entries). */
    DIRECTORY,
    /** The host's symlink, same target. */
    SYMLINK,
    /** The host file, bound read-only. */
    FILE
  }

  /** One planned path (absolute, inside the instance) and, for a symlink, its target. */
  record Entry(Kind kind, String path, String target) {}

  private static final List<String> SYSTEM =
      List.of("bin", "etc", "lib", "lib32", "lib64", "libx32", "opt", "sbin", "srv", "usr", "var");

  /** Mount points for the sandbox's own file systems and the instance's private folders. */
  static final List<String> PRIVATE =
      List.of("boot", "dev", "home", "media", "mnt", "proc", "root", "run", "sys", "tmp");

  /** Characters a path may not hold to appear in an overlay's options or an fstab line. */
  private static final Pattern UNSAFE = Pattern.compile("[,:\\\\\\s]");

  private final List<Entry> entries;

  private SandboxLayout(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The plan for this host. */
  static SandboxLayout ofHost() throws IOException {
    return plan(Path.of("/"), mountPoints(Path.of("/proc/self/mountinfo")));
  }

  /** The plan for {@code root} given the host's mount points (absolute paths). */
  static SandboxLayout plan(Path root, Set<String> mountPoints) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String name : SYSTEM) {
      plan(root, "/" + name, mountPoints, out);
    }
    for (String name : PRIVATE) {
      out.add(new Entry(Kind.DIRECTORY, "/" + name, ""));
    }
    return new SandboxLayout(out);
  }

  List<Entry> entries() {
    return entries;
  }

  /**
   * The entry an inside path lives in: the deepest overlay or private folder that contains it.
   */
  Entry covering(String path) {
    Entry best = null;
    for (Entry e : entries) {
      boolean contains = path.equals(e.path()) || path.startsWith(e.path() + "/");
      boolean folder = e.kind() == Kind.OVERLAY || e.kind() == Kind.DIRECTORY;
      if (contains && folder && (best == null || e.path().length() > best.path().length())) {
        best = e;
      }
    }
    return best;
  }

  private static void plan(Path root, String path, Set<String> mounts, List<Entry> out)
      throws IOException {
    Path host = root.resolve(path.substring(1));
    if (UNSAFE.matcher(path).find()) {
      return; // cannot be named in mount options: left out
    }
    if (Files.isSymbolicLink(host)) {
      out.add(new Entry(Kind.SYMLINK, path, Files.readSymbolicLink(host).toString()));
    } else if (Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS)) {
      out.add(new Entry(Kind.FILE, path, ""));
    } else if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
      return; // a device or socket: left out
    } else if (mounts.stream().noneMatch(m -> m.startsWith(path + "/"))) {
      out.add(new Entry(Kind.OVERLAY, path, ""));
    } else {
      out.add(new Entry(Kind.DIRECTORY, path, ""));
      try (DirectoryStream<Path> children = Files.newDirectoryStream(host)) {
        for (Path child : sorted(children)) {
          plan(root, path + "/" + child.getFileName(), mounts, out);
        }
      }
    }
  }

  private static List<Path> sorted(DirectoryStream<Path> children) {
    List<Path> out = new ArrayList<>();
    children.forEach(out::add);
    out.sort(null);
    return out;
  }

  /** The mount points in a mountinfo file (field 5, octal escapes undone), without {@code /}. */
  static Set<String> mountPoints(Path mountinfo) throws IOException {
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(mountinfo)) {
      String[] fields = line.split(" ", 6);
      if (fields.length > 4 && !fields[4].equals("/")) {
        out.add(unescape(fields[4]));
      }
    }
    return out;
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
