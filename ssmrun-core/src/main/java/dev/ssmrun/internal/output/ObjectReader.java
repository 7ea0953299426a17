package dev.ssmrun.internal.output;

import dev.ssmrun.internal.aws.S3Gateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads an S3 object into a {@link Capture}, in order. The first {@link #FIRST} bytes come in one
 * GET, which is all of most objects (each request costs about as much as moving megabytes on a
 * local network, so splitting smaller objects loses); while they stream, the rest of a larger
 * object is fetched in parallel ranges of {@link #PART} bytes, a few at a time, so that memory
 * stays bounded.
 */
public final class ObjectReader {
  /** The bytes of the first GET, streamed. */
  static final int FIRST = 64 * 1024 * 1024;

  /** The size of each further ranged GET. */
  static final int PART = 16 * 1024 * 1024;

  /** How many ranges are in flight at most, besides the part being streamed. */
  static final int WINDOW = 3;

  private final S3Gateway s3;
  private final Executor ranges;
  private final int first;
  private final int part;

  /** A reader fetching the ranges of large objects on {@code ranges}. */
  public ObjectReader(S3Gateway s3, Executor ranges) {
    this(s3, ranges, FIRST, PART);
  }

  ObjectReader(S3Gateway s3, Executor ranges, int first, int part) {
    this.s3 = s3;
    this.ranges = ranges;
    this.first = first;
    this.part = part;
  }

  /**
   * Reads {@code bucket/key} into {@code capture}; false if the object does not exist.
   *
   * @throws IOException if the capture's sink fails or the object changes while it is read.
   */
  boolean read(String bucket, String key, Capture capture) throws IOException {
    Optional<S3Gateway.Part> start = s3.get(bucket, key, 0, first - 1L);
    if (start.isEmpty()) {
      return false;
    }
    Deque<CompletableFuture<byte[]>> window = new ArrayDeque<>();
    try (S3Gateway.Part head = start.get()) {
      long size = head.objectSize();
      long next = Math.min(first, size);
      next = fill(window, bucket, key, next, size);
      long copied = copy(head.body(), capture);
      if (copied == size) {
        return true; // All of it came at once (also an S3 that ignores ranges).
      }
      if (copied != first) {
        throw new IOException("s3://" + bucket + "/" + key + " changed while it was read");
      }
      while (!window.isEmpty()) {
        byte[] bytes = take(window.poll());
        capture.write(bytes, 0, bytes.length);
        next = fill(window, bucket, key, next, size);
      }
    } finally {
      window.forEach(f -> f.cancel(true));
    }
    return true;
  }

  private long fill(
      Deque<CompletableFuture<byte[]>> window, String bucket, String key, long next, long size) {
    while (window.size() < WINDOW && next < size) {
      long from = next;
      long to = Math.min(size, from + part) - 1;
      window.add(CompletableFuture.supplyAsync(() -> range(bucket, key, from, to), ranges));
      next = to + 1;
    }
    return next;
  }

  private byte[] range(String bucket, String key, long from, long to) {
    try (S3Gateway.Part p =
        s3.get(bucket, key, from, to)
            .orElseThrow(() -> new IOException("s3://" + bucket + "/" + key + " vanished"))) {
      byte[] bytes = new byte[(int) (to - from + 1)];
      if (p.body().readNBytes(bytes, 0, bytes.length) != bytes.length || p.body().read() >= 0) {
        throw new IOException("s3://" + bucket + "/" + key + " changed while it was read");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long copy(InputStream in, Capture capture) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      capture.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static byte[] take(CompletableFuture<byte[]> range) throws IOException {
    try {
      return range.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
