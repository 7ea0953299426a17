package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.emulator.SsmEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts with data on the emulator: an input staged for every instance, each instance's result
 * uploaded through its own presigned URL (by ids and by a tag), the last-line fallback, and an
 * empty staging bucket afterwards.
 */
class DataIT {
  private static final int TEN_MB = 10 * 1024 * 1024;

  @RegisterExtension
  @Order(1)
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder()
              .instances(3)
              .addTag("Env", "data")
              .visibilityDelay(Duration.ofMillis(50)));

  @RegisterExtension
  @Order(2)
  static final StagingFixture STAGING = new StagingFixture(SSM, b -> b.maxOutputBytes(12 << 20));

  private static SsmRunner runner;
  private static byte[] input;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    runner = STAGING.runner();
    input = new byte[TEN_MB];
    new Random(9).nextBytes(input);
  }

  /** Each instance's result: its id, then the input with every byte flipped. */
  private static final String FLIP =
      """
      #!/usr/bin/env python3
      import os
      data = open(os.environ['SSMRUN_INPUT'], 'rb').read()
      with open(os.environ['SSMRUN_RESULT'], 'wb') as out:
          out.write(os.environ['AWS_SSM_INSTANCE_ID'].encode())
          out.write(data.translate(bytes(range(255, -1, -1))))
      """;

  private static byte[] expected(String instanceId) {
    byte[] id = instanceId.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[id.length + input.length];
    System.arraycopy(id, 0, out, 0, id.length);
    for (int i = 0; i < input.length; i++) {
      out[id.length + i] = (byte) (input[i] ^ 0xff);
    }
    return out;
  }

  @Test
  void run_tenMegabyteInputAndResults_byInstanceIds() {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .instanceIds(SSM.emulator().instanceIds())
                .script(FLIP)
                .input(ScriptInput.of(input))
                .build());

    assertThat(result.invocations()).hasSize(3);
    for (InvocationResult i : result.invocations()) {
      assertThat(i.stderr()).isEmpty();
      assertThat(i.exitCode()).isZero();
      assertThat(i.result())
          .hasValueSatisfying(
              r -> {
                assertThat(r.source()).isEqualTo(ScriptResult.Source.FILE);
                assertThat(r.bytes()).isEqualTo(expected(i.instanceId()));
              });
    }
  }

  @Test
  void run_tenMegabyteInputFileAndResults_byTagStreamedToResultFiles() throws Exception {
    Path in = Files.write(tmp.resolve("in.bin"), input);
    Path results = tmp.resolve("results");

    CommandResult result =
        runner.run(
            RunRequest.builder()
                .addTarget("Env", List.of("data"))
                .script(FLIP)
                .input(ScriptInput.ofFile(in))
                .outputSink(OutputSink.resultFiles(results))
                .build());

    assertThat(result.invocations())
        .extracting(InvocationResult::instanceId)
        .containsExactlyInAnyOrderElementsOf(SSM.emulator().instanceIds());
    for (String id : SSM.emulator().instanceIds()) {
      assertThat(Files.readAllBytes(results.resolve(id))).isEqualTo(expected(id));
    }
  }

  @Test
  void run_jsonInAndOut_typedResult() {
    String script =
        """
        #!/usr/bin/env python3
        import json, os
        data = json.load(open(os.environ['SSMRUN_INPUT']))
        json.dump({'sum': sum(data['items'])}, open(os.environ['SSMRUN_RESULT'], 'w'))
        """;

    InvocationResult only =
        STAGING.runOnFirst(
            RunRequest.builder()
                .script(script)
                .input(ScriptInput.ofJson(Map.of("items", List.of(1, 2, 3)))));

    @SuppressWarnings("unchecked") // Jackson's default mapping of a JSON object
    Map<String, Object> sum = only.result().orElseThrow().as(Map.class);
    assertThat(sum).containsEntry("sum", 6);
  }

  @Test
  void run_resultPrintedAfterMoreThanSsmKeeps_lastLineReadWholeFromS3() {
    String script = "head -c 30000 /dev/zero | tr '\\0' 'x'; echo; echo '{\"answer\":42}'";

    InvocationResult only = STAGING.runOnFirst(RunRequest.builder().script(script));

    assertThat(only.result())
        .hasValueSatisfying(
            r -> {
              assertThat(r.source()).isEqualTo(ScriptResult.Source.LAST_STDOUT_LINE);
              assertThat(r.text()).isEqualTo("{\"answer\":42}");
            });
  }
}
