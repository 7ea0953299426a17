package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Which isolation an emulator gets, and what it says when the sandbox cannot be built. */
class IsolationIT {
  private static final String WARNING = "instances run directly on this host";

  @Test
  void byDefault_sandboxWhereItCanBeBuilt() {
    try (SsmEmulator emu = SsmEmulator.builder().instances(1).start()) {
      assertThat(emu.isolation()).isEqualTo(Isolation.SANDBOX);
    }
  }

  @Test
  void sharedHostRequested_scriptsRunOnTheHost() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(1).isolation(Isolation.SHARED_HOST).start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);

      String hostname =
          Poll.terminal(ssm, Poll.send(ssm, List.of(id), "hostname"), id).standardOutputContent();

      assertThat(emu.isolation()).isEqualTo(Isolation.SHARED_HOST);
      assertThat(hostname).isNotEqualTo("local-1\n");
    }
  }

  @Test
  void sandboxRequired_cannotBeBuilt_startFailsSayingWhyAndWhatToDo(@TempDir Path tmp)
      throws Exception {
    Path unusable = Files.createDirectory(tmp.resolve("a,b"));

    assertThatThrownBy(
            () ->
                SsmEmulator.builder().workDirectory(unusable).isolation(Isolation.SANDBOX).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot sandbox the instances: the work directory " + unusable)
        .hasMessageContaining("comma")
        .hasMessageEndingWith("or use Isolation.SHARED_HOST");
  }

  @Test
  void byDefault_sandboxCannotBeBuilt_sharedHostAndSaidOnlyOnce(@TempDir Path tmp)
      throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 2; i++) {
        Path unusable = Files.createDirectory(tmp.resolve("x:" + i));
        try (SsmEmulator emu = SsmEmulator.builder().instances(0).workDirectory(unusable).start()) {
          assertThat(emu.isolation()).isEqualTo(Isolation.SHARED_HOST);
        }
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    // Once per JVM: another test class may have been the one that said it.
    assertThat(log.split(WARNING, -1).length - 1).isLessThanOrEqualTo(1);
  }
}
