package dev.ssmrun.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks at real processes through /proc, so tests can prove none is left running. */
final class Processes {
  private Processes() {}

  /** True if {@code pid} exists and is not a zombie. */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 2);
      return afterName.charAt(0) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Live processes of one command on one instance: those whose command line names the instance's
   * folder (the script's shell) or whose environment carries the command's SSM_COMMAND_ID (every
   * process the script started).
   */
  static List<Long> ofCommand(Path instanceDirectory, String commandId) {
    byte[] folder = instanceDirectory.toString().getBytes(StandardCharsets.UTF_8);
    byte[] variable = ("SSM_COMMAND_ID=" + commandId).getBytes(StandardCharsets.UTF_8);
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid = Long.parseLong(dir.getFileName().toString());
        boolean ours =
            contains(bytes(dir.resolve("cmdline")), folder)
                || contains(bytes(dir.resolve("environ")), variable);
        if (ours && running(pid)) {
          found.add(pid);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return found;
  }

  /** Reads a pid a script wrote to {@code file}, waiting until the whole line is there. */
  static long pidIn(Path file) {
    Poll.until(() -> read(file).endsWith("\n"));
    return Long.parseLong(read(file).trim());
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0]; // gone meanwhile, or not ours to read
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
