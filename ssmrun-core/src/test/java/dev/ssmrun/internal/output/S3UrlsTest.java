package dev.ssmrun.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.internal.output.S3Urls.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3UrlsTest {
  private static final String KEY = "p/cmd/i-1/awsrunShellScript/0.awsrunShellScript/stdout";

  @ParameterizedTest
  @CsvSource({
    "https://s3.amazonaws.com/my-bucket/" + KEY + ", my-bucket",
    "https://s3.us-east-1.amazonaws.com/my-bucket/" + KEY + ", my-bucket",
    "https://s3-eu-west-1.amazonaws.com/my-bucket/" + KEY + ", my-bucket",
    "https://s3.dualstack.eu-west-1.amazonaws.com/my-bucket/" + KEY + ", my-bucket",
    "https://s3.cn-north-1.amazonaws.com.cn/my-bucket/" + KEY + ", my-bucket",
    "https://s3.amazonaws.com/my.dotted.bucket/" + KEY + ", my.dotted.bucket",
    "https://my-bucket.s3.amazonaws.com/" + KEY + ", my-bucket",
    "https://my-bucket.s3.eu-west-1.amazonaws.com/" + KEY + ", my-bucket",
    "https://my-bucket.s3-eu-west-1.amazonaws.com/" + KEY + ", my-bucket",
    "https://my-bucket.s3.dualstack.eu-west-1.amazonaws.com/" + KEY + ", my-bucket",
    "https://my.dotted.bucket.s3.eu-west-1.amazonaws.com/" + KEY + ", my.dotted.bucket",
    "https://my.s3.bucket.s3.amazonaws.com/" + KEY + ", my.s3.bucket",
    "https://My-Bucket.S3.Amazonaws.com/" + KEY + ", my-bucket",
    "http://127.0.0.1:40123/my-bucket/" + KEY + ", my-bucket",
    "http://localhost:9000/my.dotted.bucket/" + KEY + ", my.dotted.bucket",
  })
  void parse_everyUrlForm_bucketAndKey(String url, String bucket) {
    assertThat(S3Urls.parse(url)).contains(new Location(bucket, KEY));
  }

  @Test
  void parse_percentEncodedKey_decoded() {
    assertThat(S3Urls.parse("https://b.s3.amazonaws.com/my%20prefix/a%2Bb/stdout"))
        .contains(new Location("b", "my prefix/a+b/stdout"));
  }

  @Test
  void parse_noObject_empty() {
    assertThat(S3Urls.parse("http://127.0.0.1:9000/bucket/")).isEmpty();
    assertThat(S3Urls.parse("https://s3.amazonaws.com/bucket")).isEmpty();
    assertThat(S3Urls.parse("https://b.s3.amazonaws.com/")).isEmpty();
    assertThat(S3Urls.parse("not a url")).isEmpty();
    assertThat(S3Urls.parse("")).isEmpty();
  }
}
