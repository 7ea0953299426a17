package dev.ssmrun.emulator.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetLogEvents paging: forward, backward, the repeating token at either end, time ranges. */
class EventPagesTest {
  private final List<LogEvent> events = new ArrayList<>();

  EventPagesTest() {
    for (int i = 1; i <= 5; i++) {
      events.add(new LogEvent(1000L * i, 1000L * i, i, "s", "m" + i));
    }
  }

  @Test
  void forward_pagesThroughThenRepeatsTheTokenAtTheEnd() {
    EventPages.Page first = EventPages.forward(events, LogEvent.Position.START, all(), 2);
    EventPages.Page second = EventPages.forward(events, first.forward(), all(), 2);
    EventPages.Page third = EventPages.forward(events, second.forward(), all(), 2);
    EventPages.Page end = EventPages.forward(events, third.forward(), all(), 2);

    assertThat(messages(first)).containsExactly("m1", "m2");
    assertThat(messages(second)).containsExactly("m3", "m4");
    assertThat(messages(third)).containsExactly("m5");
    assertThat(end.events()).isEmpty();
    assertThat(end.forward()).isEqualTo(third.forward());
  }

  @Test
  void newEventAfterTheEnd_foundFromTheRepeatedToken() {
    EventPages.Page end = EventPages.forward(events, LogEvent.Position.START, all(), 10);
    events.add(new LogEvent(9000, 9000, 6, "s", "m6"));

    assertThat(messages(EventPages.forward(events, end.forward(), all(), 10)))
        .containsExactly("m6");
  }

  @Test
  void tail_newestFirstPage_backwardGoesToOlder() {
    EventPages.Page tail = EventPages.tail(events, all(), 2);
    EventPages.Page older = EventPages.backward(events, tail.backward(), all(), 2);
    EventPages.Page oldest = EventPages.backward(events, older.backward(), all(), 2);
    EventPages.Page start = EventPages.backward(events, oldest.backward(), all(), 2);

    assertThat(messages(tail)).containsExactly("m4", "m5");
    assertThat(messages(older)).containsExactly("m2", "m3");
    assertThat(messages(oldest)).containsExactly("m1");
    assertThat(start.events()).isEmpty();
    assertThat(start.backward()).isEqualTo(oldest.backward());
    assertThat(messages(EventPages.forward(events, start.forward(), all(), 1)))
        .containsExactly("m1");
  }

  @Test
  void range_startIncludedEndExcluded() {
    EventPages.Page page =
        EventPages.forward(events, LogEvent.Position.START, new EventPages.Range(2000, 4000), 10);

    assertThat(messages(page)).containsExactly("m2", "m3");
  }

  @Test
  void emptyStream_tailAndForwardEmpty() {
    assertThat(EventPages.tail(List.of(), all(), 10).events()).isEmpty();
    assertThat(EventPages.tail(List.of(), all(), 10).forward()).isEqualTo(LogEvent.Position.START);
  }

  private static EventPages.Range all() {
    return EventPages.Range.ALL;
  }

  private static List<String> messages(EventPages.Page page) {
    return page.events().stream().map(LogEvent::message).toList();
  }
}
