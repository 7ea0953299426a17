package dev.ssmrun.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AwsEnvironmentTest {
  private static final Map<String, String> KEYS =
      Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret");

  @Test
  void hasKeys_bothKeysInTheEnvironment_isTrue() {
    assertThat(AwsEnvironment.hasKeys(KEYS, new Properties())).isTrue();
  }

  @Test
  void hasKeys_oneKeyMissingOrBlank_isFalse() {
    assertThat(AwsEnvironment.hasKeys(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), new Properties()))
        .isFalse();
    assertThat(
            AwsEnvironment.hasKeys(
                Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", " "),
                new Properties()))
        .isFalse();
  }

  @Test
  void hasKeys_systemPropertiesComeFirstInTheChain_isFalse() {
    Properties properties = new Properties();
    properties.setProperty("aws.accessKeyId", "AKIDOTHER");
    assertThat(AwsEnvironment.hasKeys(KEYS, properties)).isFalse();
  }
}
