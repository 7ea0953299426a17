package dev.ssmrun.emulator.internal.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.Test;

class EmbeddedS3Test {
  @Test
  void awaitStarted_neverStarts_failsAfterTheLimit() {
    S3Proxy never =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();

    assertThatThrownBy(() -> EmbeddedS3.awaitStarted(never, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("embedded S3 did not start within 0 s");
  }
}
