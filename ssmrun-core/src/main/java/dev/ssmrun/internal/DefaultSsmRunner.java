package dev.ssmrun.internal;

import dev.ssmrun.CommandResult;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.Sleeper;
import dev.ssmrun.SsmRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The engine behind {@link SsmRunner}. Not API: create runners with {@link SsmRunner#builder}. */
public final class DefaultSsmRunner implements SsmRunner {
  private final SsmGateway ssm;
  private final OutputFetcher output;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Scheduler scheduler;
  private final EngineSettings settings;
  private final Random random;
  private final List<AutoCloseable> owned;

  DefaultSsmRunner(
      SsmGateway ssm,
      OutputFetcher output,
      Clock clock,
      Sleeper sleeper,
      Scheduler scheduler,
      EngineSettings settings,
      Random random,
      List<AutoCloseable> owned) {
    this.ssm = ssm;
    this.output = output;
    this.clock = clock;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
    this.settings = settings;
    this.random = random;
    this.owned = List.copyOf(owned);
  }

  /**
   * Creates a runner; called by {@link SsmRunner.Builder#build()}. A null {@code ssm} or {@code
   * executor} is created here (and closed by {@link #close()}); a null {@code s3} means output is
   * never read from S3.
   */
  public static DefaultSsmRunner create(
      SsmClient ssm,
      S3Client s3,
      boolean ownS3,
      Clock clock,
      Sleeper sleeper,
      ScheduledExecutorService executor,
      Duration pollInitial,
      Duration pollMax,
      Duration notFoundGrace) {
    List<AutoCloseable> owned = new ArrayList<>();
    if (ssm == null) {
      ssm = SsmClient.create();
      owned.add(ssm);
    }
    if (s3 != null && ownS3) {
      owned.add(s3);
    }
    if (executor == null) {
      executor = Executors.newScheduledThreadPool(2, daemonThreads());
      owned.add(executor::shutdownNow);
    }
    EngineSettings settings =
        EngineSettings.DEFAULT
            .withSchedule(new PollSchedule(pollInitial, pollMax, 1.2, 0.1))
            .withNotFoundGrace(notFoundGrace);
    return new DefaultSsmRunner(
        new AwsSsmGateway(ssm),
        new OutputFetcher(s3),
        clock,
        sleeper,
        Scheduler.of(executor),
        settings,
        new Random(),
        owned);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "ssmrun-poller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  RunSession newSession(RunRequest request) {
    Objects.requireNonNull(request, "request == null");
    CommandSender sender = new CommandSender(ssm, clock, DefaultSsmRunner::newToken);
    Dispatch dispatch = new Dispatch(ssm, sender, settings.preflightInterval);
    return new RunSession(request, ssm, output, clock, settings, random, dispatch);
  }

  private static String newToken() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Override
  public CommandResult run(RunRequest request) {
    RunSession session = newSession(request);
    try {
      for (Optional<Duration> d = session.step(); d.isPresent(); d = session.step()) {
        sleeper.sleep(d.get());
      }
      return session.result();
    } catch (InterruptedException e) {
      CommandResult result = session.abort();
      Thread.currentThread().interrupt();
      return result;
    }
  }

  @Override
  public RunHandle start(RunRequest request) {
    RunSession session = newSession(request);
    ScheduledDriver driver = new ScheduledDriver(session, scheduler);
    try {
      Optional<Duration> next = session.step();
      while (next.isPresent() && !session.isSent()) {
        sleeper.sleep(next.get());
        next = session.step();
      }
      driver.schedule(next.orElse(Duration.ZERO));
    } catch (InterruptedException e) {
      session.abort();
      Thread.currentThread().interrupt();
      driver.schedule(Duration.ZERO);
    }
    return new DefaultRunHandle(session, driver);
  }

  @Override
  public CompletableFuture<CommandResult> runAsync(RunRequest request) {
    ScheduledDriver driver = new ScheduledDriver(newSession(request), scheduler);
    driver.schedule(Duration.ZERO);
    return driver.future();
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing is best effort; nothing useful to do with a failure here.
      }
    }
  }
}
