package dev.ssmrun.internal.run;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read output from S3: one pool resolves invocations (several instances at
 * once), another fetches the ranges of large objects, so that a resolution never waits for a
 * thread its own pool holds. Threads start when first needed and end when idle.
 */
record Transfers(Executor resolve, Executor ranges, AutoCloseable shutdown) {
  /** Instances whose output is read at once. */
  static final int RESOLVERS = 4;

  /** Ranged GETs in flight at once, across instances. */
  static final int RANGES = 8;

  /** Pools owned by the runner, shut down by {@link #shutdown()}. */
  static Transfers create() {
    ThreadPoolExecutor resolve = pool(RESOLVERS, "ssmrun-output-");
    ThreadPoolExecutor ranges = pool(RANGES, "ssmrun-range-");
    return new Transfers(
        resolve,
        ranges,
        () -> {
          resolve.shutdownNow();
          ranges.shutdownNow();
        });
  }

  /** Everything on the calling thread (tests). */
  static Transfers direct() {
    return new Transfers(Runnable::run, Runnable::run, () -> {});
  }

  private static ThreadPoolExecutor pool(int threads, String name) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread t = new Thread(task, name + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
