package dev.ssmrun.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at real processes through the host's /proc, so tests can prove none is left running. It
 * works in both isolations: a sandboxed process is visible from the host too, under another pid.
 */
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
   * Live processes of one command, on any instance: those whose command line names the command
   * id (the agent's supervisor, the sandbox, the script's shell) or whose environment carries it
   * as SSM_COMMAND_ID (every process the script started).
   */
  static List<Long> ofCommand(String commandId) {
    byte[] id = commandId.getBytes(StandardCharsets.UTF_8);
    byte[] variable = ("SSM_COMMAND_ID=" + commandId).getBytes(StandardCharsets.UTF_8);
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid = Long.parseLong(dir.getFileName().toString());
        boolean ours =
            contains(bytes(dir.resolve("cmdline")), id)
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

  /** Waits until the command's script runs somewhere (a process carries its id). */
  static void awaitRunning(String commandId) {
    Poll.until(() -> !ofCommand(commandId).isEmpty());
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
}
