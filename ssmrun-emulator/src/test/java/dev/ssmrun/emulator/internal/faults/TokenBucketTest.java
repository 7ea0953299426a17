package dev.ssmrun.emulator.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void take_burstOfRate_thenRefillsOverTime() {
    Faults.TokenBucket bucket = new Faults.TokenBucket(2, 0);

    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isFalse();
    assertThat(bucket.take(499)).isFalse();
    assertThat(bucket.take(500)).isTrue();
  }

  @Test
  void take_longIdle_neverMoreThanOneSecondOfTokens() {
    Faults.TokenBucket bucket = new Faults.TokenBucket(3, 0);

    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take(60_000)).isTrue();
    }
    assertThat(bucket.take(60_000)).isFalse();
  }

  @Test
  void take_rateBelowOne_stillAllowsOneCall() {
    Faults.TokenBucket bucket = new Faults.TokenBucket(0.01, 0);

    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(1_000)).isFalse();
    assertThat(bucket.take(100_000)).isTrue();
  }
}
