package dev.ssmrun.internal.output;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputSink;
import dev.ssmrun.ScriptResult;
import dev.ssmrun.SsmRunException;
import dev.ssmrun.internal.aws.S3Gateway;
import dev.ssmrun.internal.staging.RunFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Completes one finished invocation's output, off the run's driver: the whole stdout and stderr
 * from S3 when SSM truncated them, replaced bytes that are not UTF-8, or always when asked (a
 * missing object is an empty stream); the script's result from the run's folder; every stream to
 * the request's sink. At most {@code maxBytes} of each stream stay in memory. A failure to read
 * S3 or to write the sink fails the run: output is never cut silently.
 */
public final class OutputResolver {
  /** How one run resolves output. */
  public record Spec(
      int maxBytes,
      boolean alwaysFromS3,
      OutputSink sink,
      boolean collectResults,
      RunFolder folder) {
    /** What an attached or inspected run does: whole output when SSM truncated it. */
    public static Spec wholeOutput(int maxBytes) {
      return new Spec(maxBytes, false, null, false, null);
    }
  }

  private final ObjectReader reader;
  private final Executor executor;
  private final Spec spec;

  /** A resolver running on {@code executor}, fetching ranges on {@code ranges}. */
  public OutputResolver(S3Gateway s3, Executor executor, Executor ranges, Spec spec) {
    this.reader = new ObjectReader(s3, ranges);
    this.executor = executor;
    this.spec = spec;
  }

  /** {@code r} with its output completed; already complete if there is nothing to fetch. */
  public CompletableFuture<InvocationResult> resolve(InvocationResult r) {
    boolean work =
        spec.sink() != null
            || spec.collectResults()
            || readsFromS3(r, OutputSink.Stream.STDOUT)
            || readsFromS3(r, OutputSink.Stream.STDERR);
    if (!work) {
      return CompletableFuture.completedFuture(r);
    }
    return CompletableFuture.supplyAsync(() -> complete(r), executor);
  }

  /** True if the stream is read from S3: SSM truncated it, replaced bytes, or the caller asks. */
  private boolean readsFromS3(InvocationResult r, OutputSink.Stream kind) {
    boolean stdout = kind == OutputSink.Stream.STDOUT;
    if ((stdout ? r.stdoutUrl() : r.stderrUrl()).isEmpty()) {
      return false;
    }
    boolean truncated = stdout ? r.stdoutTruncated() : r.stderrTruncated();
    String inline = stdout ? r.stdout() : r.stderr();
    return truncated || spec.alwaysFromS3() || inline.indexOf('\uFFFD') >= 0;
  }

  private InvocationResult complete(InvocationResult r) {
    Stream out = stream(r, OutputSink.Stream.STDOUT);
    Stream err = stream(r, OutputSink.Stream.STDERR);
    ScriptResult result = spec.collectResults() ? resultFile(r.instanceId()) : null;
    if (result == null && out.fromS3 && out.capture.truncated()) {
      byte[] line = out.capture.lastLine(); // Beyond maxBytes: known from the stream's end.
      result =
          line == null
              ? null
              : ScriptResult.of(line, line.length, ScriptResult.Source.LAST_STDOUT_LINE);
    }
    return r.toBuilder()
        .stdoutBytes(out.capture.head())
        .stdoutSize(out.capture.size())
        .stdoutTruncated(out.fromS3 ? out.capture.truncated() : r.stdoutTruncated())
        .stderrBytes(err.capture.head())
        .stderrSize(err.capture.size())
        .stderrTruncated(err.fromS3 ? err.capture.truncated() : r.stderrTruncated())
        .result(result)
        .build();
  }

  /** One stream, read whole from S3 when it should be and is there, else SSM's inline copy. */
  private Stream stream(InvocationResult r, OutputSink.Stream kind) {
    boolean stdout = kind == OutputSink.Stream.STDOUT;
    byte[] inline = stdout ? r.stdoutBytes() : r.stderrBytes();
    Optional<S3Urls.Location> at =
        readsFromS3(r, kind)
            ? (stdout ? r.stdoutUrl() : r.stderrUrl()).flatMap(S3Urls::parse)
            : Optional.empty();
    try (OutputStream sink = open(r.instanceId(), kind)) {
      if (at.isPresent()) {
        Capture capture = new Capture(spec.maxBytes(), sink);
        if (read(at.get(), capture, name(kind) + " of " + r.instanceId())) {
          return new Stream(capture, true);
        }
        if (inline.length > 0) {
          // No object although SSM showed output: its upload failed; keep what SSM has.
          return new Stream(write(inline, sink), false);
        }
        return new Stream(capture, true); // No object: the stream was empty.
      }
      return new Stream(write(inline, sink), false);
    } catch (IOException e) {
      throw new SsmRunException(
          "could not write the "
              + name(kind)
              + " of "
              + r.instanceId()
              + " to the output sink: "
              + e.getMessage(),
          e);
    }
  }

  private Capture write(byte[] inline, OutputStream sink) throws IOException {
    Capture capture = new Capture(spec.maxBytes(), sink);
    capture.write(inline, 0, inline.length);
    return capture;
  }

  private ScriptResult resultFile(String instanceId) {
    String key = spec.folder().resultKey(instanceId);
    try (OutputStream sink = open(instanceId, OutputSink.Stream.RESULT)) {
      Capture capture = new Capture(spec.maxBytes(), sink);
      if (!read(
          new S3Urls.Location(spec.folder().bucket(), key), capture, "result of " + instanceId)) {
        return null;
      }
      return ScriptResult.of(capture.head(), capture.size(), ScriptResult.Source.FILE);
    } catch (IOException e) {
      throw new SsmRunException(
          "could not write the result of " + instanceId + " to the output sink: " + e.getMessage(),
          e);
    }
  }

  /** Reads {@code at} (the {@code what}, e.g. "stdout of i-1") into {@code capture}. */
  private boolean read(S3Urls.Location at, Capture capture, String what) throws IOException {
    try {
      return reader.read(at.bucket(), at.key(), capture);
    } catch (SdkException | CompletionException e) {
      throw new SsmRunException(
          "could not read the whole "
              + what
              + " from s3://"
              + at.bucket()
              + "/"
              + at.key()
              + " ("
              + e.getMessage()
              + "): give the runner an S3 client whose credentials may read it"
              + " (SsmRunner.Builder.s3Client)",
          e);
    }
  }

  private OutputStream open(String instanceId, OutputSink.Stream kind) throws IOException {
    return spec.sink() == null ? null : spec.sink().open(instanceId, kind);
  }

  private static String name(OutputSink.Stream kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A stream's capture, and whether it holds the whole stream read from S3. */
  private record Stream(Capture capture, boolean fromS3) {}
}
