package dev.ssmrun.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputSink;
import dev.ssmrun.ScriptResult;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.internal.fake.FakeS3Gateway;
import dev.ssmrun.internal.staging.RunFolder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OutputResolverTest {
  private static final String URL = "https://s3.us-east-1.amazonaws.com/out/c/i-1/stdout";
  private static final String ERR_URL = "https://s3.us-east-1.amazonaws.com/out/c/i-1/stderr";
  private final FakeS3Gateway s3 = new FakeS3Gateway();
  private final RunFolder folder =
      new RunFolder(StagingLocation.of("stage", "p/"), "20260101T000000Z-abc");

  OutputResolverTest() {
    s3.createBucket("out");
    s3.createBucket("stage");
  }

  private OutputResolver resolver(int maxBytes, OutputSink sink, boolean results) {
    return new OutputResolver(
        s3,
        Runnable::run,
        Runnable::run,
        new OutputResolver.Spec(maxBytes, false, sink, results, results ? folder : null));
  }

  private static InvocationResult.Builder finished() {
    return InvocationResult.builder()
        .commandId("c")
        .instanceId("i-1")
        .status("Success")
        .outcome(Outcome.SUCCESS)
        .exitCode(0)
        .stdoutUrl(URL)
        .stderrUrl(ERR_URL);
  }

  @Test
  void resolve_truncatedBySsm_wholeStreamsFromS3() {
    String whole = "x".repeat(30_000) + "\n";
    s3.putObject("out", "c/i-1/stdout", whole.getBytes(StandardCharsets.UTF_8));
    InvocationResult cut =
        finished()
            .stdout(whole.substring(0, 23_980) + "--output truncated--")
            .stdoutTruncated(true)
            .build();

    InvocationResult r = resolver(100_000, null, false).resolve(cut).join();

    assertThat(r.stdout()).isEqualTo(whole);
    assertThat(r.stdoutTruncated()).isFalse();
    assertThat(r.stdoutSize()).isEqualTo(30_001);
    assertThat(s3.calls("GetObject")).isEqualTo(1); // stderr was not cut: not read
  }

  @Test
  void resolve_replacementCharacterInline_exactBytesFromS3() {
    byte[] bytes = {'a', (byte) 0xff, (byte) 0xfe, 'b'};
    s3.putObject("out", "c/i-1/stdout", bytes);
    InvocationResult inline = finished().stdout("a\uFFFD\uFFFDb").build();

    InvocationResult r = resolver(100_000, null, false).resolve(inline).join();

    assertThat(r.stdoutBytes()).isEqualTo(bytes);
  }

  @Test
  void resolve_beyondMaxBytes_headInMemoryAllInTheSinkResultFromTheLastLine() {
    String whole = "line\n".repeat(10_000) + "{\"n\":42}\n";
    s3.putObject("out", "c/i-1/stdout", whole.getBytes(StandardCharsets.UTF_8));
    Map<String, ByteArrayOutputStream> sunk = new ConcurrentHashMap<>();
    OutputSink sink =
        (id, stream) -> sunk.computeIfAbsent(id + "." + stream, k -> new ByteArrayOutputStream());
    InvocationResult cut = finished().stdout(whole.substring(0, 100)).stdoutTruncated(true).build();

    InvocationResult r = resolver(30_000, sink, false).resolve(cut).join();

    assertThat(r.stdoutBytes()).hasSize(30_000);
    assertThat(r.stdoutTruncated()).isTrue();
    assertThat(r.stdoutSize()).isEqualTo(whole.length());
    assertThat(sunk.get("i-1.STDOUT").toString(StandardCharsets.UTF_8)).isEqualTo(whole);
    assertThat(sunk.get("i-1.STDERR").size()).isZero();
    assertThat(r.result())
        .hasValueSatisfying(
            res -> {
              assertThat(res.text()).isEqualTo("{\"n\":42}");
              assertThat(res.source()).isEqualTo(ScriptResult.Source.LAST_STDOUT_LINE);
            });
  }

  @Test
  void resolve_missingObject_emptyStreamOrSsmsCopy() {
    InvocationResult empty = finished().stderrTruncated(false).build();
    InvocationResult cut =
        finished().stdout("partial--output truncated--").stdoutTruncated(true).build();
    OutputResolver always =
        new OutputResolver(
            s3,
            Runnable::run,
            Runnable::run,
            new OutputResolver.Spec(100_000, true, null, false, null));

    assertThat(always.resolve(empty).join().stdout()).isEmpty();
    InvocationResult kept = resolver(100_000, null, false).resolve(cut).join();
    assertThat(kept.stdout()).isEqualTo("partial--output truncated--");
    assertThat(kept.stdoutTruncated()).isTrue();
    assertThat(kept.result()).isEmpty(); // the last line is not known
  }

  @Test
  void resolve_resultFile_fromTheRunFolder() {
    s3.putObject("stage", folder.resultKey("i-1"), new byte[] {'{', '}'});
    InvocationResult done = finished().stdout("not the result\n").build();

    InvocationResult r = resolver(100_000, null, true).resolve(done).join();

    assertThat(r.result())
        .hasValueSatisfying(
            res -> {
              assertThat(res.bytes()).containsExactly('{', '}');
              assertThat(res.source()).isEqualTo(ScriptResult.Source.FILE);
            });
  }

  @Test
  void resolve_s3Refuses_failsLoudlyNamingWhatAndWhere() {
    s3.refuseGets = true;
    InvocationResult cut = finished().stdout("x--output truncated--").stdoutTruncated(true).build();

    assertThatThrownBy(() -> resolver(100_000, null, false).resolve(cut).join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("could not read the whole stdout of i-1 from s3://out/c/i-1/stdout")
        .hasMessageContaining("AccessDenied");
  }

  @Test
  void resolve_nothingToFetch_completesAtOnceWithoutS3() {
    InvocationResult done = finished().stdout("ok\n").build();

    assertThat(resolver(100_000, null, false).resolve(done)).isCompletedWithValue(done);
    assertThat(s3.calls("GetObject")).isZero();
  }
}
