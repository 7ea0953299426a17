package dev.ssmrun.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.ScriptResult;
import dev.ssmrun.cli.TestResults;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static JsonNode withResult(String bytes, long size, ScriptResult.Source source) {
    byte[] held = bytes.getBytes(StandardCharsets.UTF_8);
    InvocationResult i =
        TestResults.invocation("i-0123456789abcdef0", 0).toBuilder()
            .result(ScriptResult.of(held, size, source))
            .build();
    return Json.invocation(i);
  }

  @Test
  void result_json_isParsed() {
    JsonNode node = withResult("{\"sum\": 6, \"ok\": [true]}", 24, ScriptResult.Source.FILE);

    assertThat(node.get("result").get("sum").asInt()).isEqualTo(6);
    assertThat(node.get("result").get("ok").get(0).asBoolean()).isTrue();
    assertThat(node.get("resultSource").asText()).isEqualTo("file");
    assertThat(node.get("resultTruncated").asBoolean()).isFalse();
  }

  @Test
  void result_notWhollyJson_isAString() {
    JsonNode text = withResult("3 files copied", 14, ScriptResult.Source.LAST_STDOUT_LINE);
    JsonNode number = withResult("3", 1, ScriptResult.Source.LAST_STDOUT_LINE);

    assertThat(text.get("result").isTextual()).isTrue();
    assertThat(text.get("result").asText()).isEqualTo("3 files copied");
    assertThat(text.get("resultSource").asText()).isEqualTo("last_stdout_line");
    assertThat(number.get("result").isNumber()).isTrue();
  }

  @Test
  void result_truncated_isItsStartAsAString() {
    JsonNode node = withResult("{\"a\":", 1_000_000, ScriptResult.Source.FILE);

    assertThat(node.get("result").asText()).isEqualTo("{\"a\":");
    assertThat(node.get("resultTruncated").asBoolean()).isTrue();
  }

  @Test
  void result_none_isNull() {
    JsonNode node = Json.invocation(TestResults.invocation("i-0123456789abcdef0", 0));

    assertThat(node.get("result").isNull()).isTrue();
    assertThat(node.get("resultSource").isNull()).isTrue();
    assertThat(node.has("resultTruncated")).isTrue();
  }
}
