package dev.ssmrun.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonSizeTest {
  private static final String ALPHABET =
      "ab \"\\\n\t\r\b\f\u0001\u001f\u00e9\u2019\u4e2d\ud83d\ude00{}";

  /** Property: the size is what a JSON writer (Jackson, as the SDK's) produces. */
  @Test
  void of_randomParameters_matchesJacksonByteForByte() throws Exception {
    Random random = new Random(5);
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < 200; i++) {
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      for (int k = random.nextInt(4); k >= 0; k--) {
        parameters.put(
            text(random), List.of(text(random), text(random)).subList(0, 1 + random.nextInt(2)));
      }

      assertThat(JsonSize.of(parameters))
          .as(parameters.toString())
          .isEqualTo(mapper.writeValueAsBytes(parameters).length);
    }
  }

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(20); i > 0; i--) {
      int at = random.nextInt(ALPHABET.length());
      if (Character.isHighSurrogate(ALPHABET.charAt(at))) {
        s.append(ALPHABET, at, at + 2);
      } else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
        s.append(ALPHABET.charAt(at));
      }
    }
    return s.toString();
  }
}
