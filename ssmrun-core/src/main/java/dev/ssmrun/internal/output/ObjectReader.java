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
 * Reads an S3 object into a {@link Capture}, in order: the first part streams while the next ones
 * are fetched in parallel ranges (a few at a time, so memory stays bounded).
 */
public final class ObjectReader {
  /** The size of each ranged GET. */
  static final int PART = 8 * 1024 * 1024;

  /** How many ranges are in flight at most, besides the part being streamed. */
  static final int WINDOW = 3;

  private final S3Gateway s3;
  private final Executor ranges;
  private final int part;

  /** A reader fetching ranges of {@link #PART} bytes on {@code ranges}. */
  public ObjectReader(S3Gateway s3, Executor ranges) {
    this(s3, ranges, PART);
  }

  ObjectReader(S3Gateway s3, Executor ranges, int part) {
    this.s3 = s3;
    this.ranges = ranges;
    this.part = part;
  }

  /**
   * Reads {@code bucket/key} into {@code capture}; false if the object does not exist.
   *
   * @throws IOException if the capture's sink fails or the object changes while it is read.
   */
  boolean read(String bucket, String key, Capture capture) throws IOException {
    Optional<S3Gateway.Part> first = s3.get(bucket, key, 0, part - 1L);
    if (first.isEmpty()) {
      return false;
    }
    Deque<CompletableFuture<byte[]>> window = new ArrayDeque<>();
    try (S3Gateway.Part head = first.get()) {
      long size = head.objectSize();
      long next = Math.min(part, size);
      next = fill(window, bucket, key, next, size);
      long copied = copy(head.body(), capture);
      if (copied == size) {
        return true; // All of it came at once (also an S3 that ignores ranges).
      }
      if (copied != part) {
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
      byte[] bytes = p.body().readAllBytes();
      if (bytes.length != to - from + 1) {
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
