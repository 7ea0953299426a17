package dev.ssmrun.internal.run;

import dev.ssmrun.internal.fake.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A {@link Scheduler} on {@link FakeTime}: tasks run only from {@link #runUntilIdle()}. */
final class FakeScheduler implements Scheduler {
  private record Task(Instant due, long seq, Runnable task) {}

  private final FakeTime time;
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private final List<Duration> delays = new ArrayList<>();
  private long seq;

  FakeScheduler(FakeTime time) {
    this.time = time;
  }

  @Override
  public synchronized void schedule(Runnable task, Duration delay) {
    delays.add(delay);
    queue.add(new Task(time.instant().plus(delay), seq++, task));
  }

  /** Runs due tasks in order, moving time forward to each; returns how many ran. */
  int runUntilIdle() {
    int count = 0;
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.poll();
      }
      if (next == null) {
        return count;
      }
      Duration wait = Duration.between(time.instant(), next.due);
      if (!wait.isNegative()) {
        time.advance(wait);
      }
      next.task.run();
      count++;
    }
  }

  /** Runs tasks due up to {@code limit} from now; later ones stay queued. */
  void runFor(Duration limit) {
    Instant end = time.instant().plus(limit);
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(end)) {
          return;
        }
        queue.poll();
      }
      Duration wait = Duration.between(time.instant(), next.due);
      if (!wait.isNegative()) {
        time.advance(wait);
      }
      next.task.run();
    }
  }

  /** Every delay a task was scheduled with, in order. */
  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  synchronized int pending() {
    return queue.size();
  }
}
