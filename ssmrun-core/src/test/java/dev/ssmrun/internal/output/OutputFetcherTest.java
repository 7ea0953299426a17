package dev.ssmrun.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputFetcherTest {
  @Test
  void bucketAndKey_pathStyle() {
    assertThat(
            OutputFetcher.bucketAndKey(
                "https://s3.us-east-1.amazonaws.com/my-bucket/p/cmd/i-1/"
                    + "awsrunShellScript/0.awsrunShellScript/stdout"))
        .get()
        .satisfies(
            bk -> {
              assertThat(bk[0]).isEqualTo("my-bucket");
              assertThat(bk[1]).isEqualTo("p/cmd/i-1/awsrunShellScript/0.awsrunShellScript/stdout");
            });
  }

  @Test
  void bucketAndKey_virtualHosted() {
    assertThat(OutputFetcher.bucketAndKey("https://b1.s3.eu-west-1.amazonaws.com/k/stdout"))
        .get()
        .satisfies(
            bk -> {
              assertThat(bk[0]).isEqualTo("b1");
              assertThat(bk[1]).isEqualTo("k/stdout");
            });
  }

  @Test
  void bucketAndKey_noKey_empty() {
    assertThat(OutputFetcher.bucketAndKey("http://127.0.0.1:9000/bucket/")).isEmpty();
    assertThat(OutputFetcher.bucketAndKey("not a url")).isEmpty();
  }
}
