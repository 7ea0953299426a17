package dev.ssmrun.emulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
  private static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

  @Test
  void page_followingTokens_visitsEveryItemOnce() {
    Paging.Page<Integer> first = Paging.page(ITEMS, request("c1", null), 2);
    Paging.Page<Integer> second = Paging.page(ITEMS, request("c1", first.nextToken()), 2);
    Paging.Page<Integer> last = Paging.page(ITEMS, request("c1", second.nextToken()), 2);

    assertThat(first.items()).containsExactly(1, 2);
    assertThat(second.items()).containsExactly(3, 4);
    assertThat(last.items()).containsExactly(5);
    assertThat(last.nextToken()).isNull();
  }

  @Test
  void page_tokenFromAnotherQuery_invalidNextToken() {
    String token = Paging.page(ITEMS, request("c1", null), 2).nextToken();

    assertThatThrownBy(() -> Paging.page(ITEMS, request("c2", token), 2))
        .isInstanceOfSatisfying(
            AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidNextToken"));
  }

  @Test
  void page_garbageToken_invalidNextToken() {
    assertThatThrownBy(() -> Paging.page(ITEMS, request("c1", "%%%"), 2))
        .isInstanceOfSatisfying(
            AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidNextToken"));
  }

  private static Req request(String commandId, String token) {
    ObjectNode body = Json.object().put("CommandId", commandId).put("MaxResults", 2);
    if (token != null) {
      body.put("NextToken", token);
    }
    return new Req(body);
  }
}
