package dev.ssmrun.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.internal.fake.FakeS3Gateway;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ObjectReaderTest {
  private final FakeS3Gateway s3 = new FakeS3Gateway();

  /** A random object of 10,000 bytes at b/k. */
  private byte[] object(long seed) {
    byte[] object = new byte[10_000];
    new Random(seed).nextBytes(object);
    s3.createBucket("b");
    s3.putObject("b", "k", object);
    return object;
  }

  @Test
  void read_largeObject_inParallelRangesBytesExactAndInOrder() throws Exception {
    byte[] object = object(3);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Capture capture = new Capture(1000, sink);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      assertThat(new ObjectReader(s3, pool, 999, 999).read("b", "k", capture)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(sink.toByteArray()).isEqualTo(object);
    assertThat(capture.size()).isEqualTo(10_000);
    assertThat(s3.calls("GetObject")).isEqualTo(11); // ceil(10000 / 999)
  }

  @Test
  void read_largeFirstPart_oneGetForWhatFitsThenRangesOfTheRest() throws Exception {
    byte[] object = object(4);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    assertThat(
            new ObjectReader(s3, Runnable::run, 4000, 2500).read("b", "k", new Capture(10, sink)))
        .isTrue();

    assertThat(sink.toByteArray()).isEqualTo(object);
    assertThat(s3.calls("GetObject")).isEqualTo(4); // 4000, then 2500, 2500, 1000
  }

  @Test
  void read_defaults_firstGetOf64MibThenRangesOf16Mib() throws Exception {
    int size = ObjectReader.FIRST + ObjectReader.PART + 1;
    byte[] object = new byte[size];
    new Random(5).nextBytes(object);
    s3.createBucket("b");
    s3.putObject("b", "big", object);
    ByteArrayOutputStream sink = new ByteArrayOutputStream(size);

    assertThat(new ObjectReader(s3, Runnable::run).read("b", "big", new Capture(10, sink)))
        .isTrue();

    assertThat(ObjectReader.FIRST).isEqualTo(64 << 20);
    assertThat(ObjectReader.PART).isEqualTo(16 << 20);
    assertThat(s3.calls("GetObject")).isEqualTo(3); // 64 MiB, 16 MiB, 1 byte
    assertThat(sink.toByteArray()).isEqualTo(object);
  }

  @Test
  void read_smallEmptyOrMissing() throws Exception {
    s3.createBucket("b");
    s3.putObject("b", "small", new byte[] {1, 2, 3});
    s3.putObject("b", "empty", new byte[0]);
    Capture small = new Capture(100, null);
    Capture empty = new Capture(100, null);
    ObjectReader reader = new ObjectReader(s3, Runnable::run, 999, 999);

    assertThat(reader.read("b", "small", small)).isTrue();
    assertThat(reader.read("b", "empty", empty)).isTrue();
    assertThat(reader.read("b", "missing", new Capture(100, null))).isFalse();
    assertThat(small.head()).containsExactly(1, 2, 3);
    assertThat(empty.size()).isZero();
    assertThat(s3.calls("GetObject")).isEqualTo(3);
  }

  @Test
  void read_rangeFails_failsTheRead() {
    s3.createBucket("b");
    s3.putObject("b", "k", new byte[3000]);
    ObjectReader reader =
        new ObjectReader(
            s3,
            task -> {
              s3.refuseGets = true; // the first part came; the ranges are refused
              task.run();
            },
            1000,
            1000);

    assertThatThrownBy(() -> reader.read("b", "k", new Capture(100, null)))
        .hasMessageContaining("AccessDenied");
  }
}
