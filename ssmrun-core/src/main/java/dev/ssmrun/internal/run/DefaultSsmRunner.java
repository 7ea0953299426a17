package dev.ssmrun.internal.run;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.CommandResult;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunInterruptedException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.Sleeper;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.internal.aws.AwsS3Gateway;
import dev.ssmrun.internal.aws.AwsSsmGateway;
import dev.ssmrun.internal.aws.S3Gateway;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.live.AwsLogsGateway;
import dev.ssmrun.internal.live.LogTail;
import dev.ssmrun.internal.live.LogsGateway;
import dev.ssmrun.internal.output.OutputResolver;
import dev.ssmrun.internal.send.Attachment;
import dev.ssmrun.internal.send.Dispatch;
import dev.ssmrun.internal.send.Launch;
import dev.ssmrun.internal.staging.RunCleanup;
import dev.ssmrun.internal.staging.RunFolder;
import dev.ssmrun.internal.staging.Stager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The engine behind {@link SsmRunner}. Not API: create runners with {@link SsmRunner#builder}. */
public final class DefaultSsmRunner implements SsmRunner {
  private final Supplier<SsmGateway> gateways;
  private final S3Gateway s3;
  private final Transfers transfers;
  private final Supplier<LogsGateway> logs;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Scheduler scheduler;
  private final EngineSettings settings;
  private final Random random;
  private final List<AutoCloseable> owned;
  private final Set<LiveRun> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A run in flight, so that {@link #close()} can cancel it and wait for it. */
  private record LiveRun(Run run, ScheduledDriver driver, CompletableFuture<Void> ended) {}

  DefaultSsmRunner(
      Supplier<SsmGateway> gateways,
      S3Gateway s3,
      Transfers transfers,
      Supplier<LogsGateway> logs,
      Clock clock,
      Sleeper sleeper,
      Scheduler scheduler,
      EngineSettings settings,
      Random random,
      List<AutoCloseable> owned) {
    this.gateways = gateways;
    this.s3 = s3;
    this.transfers = transfers;
    this.logs = logs;
    this.clock = clock;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
    this.settings = settings;
    this.random = random;
    this.owned = List.copyOf(owned);
  }

  /**
   * Creates a runner; called by {@link SsmRunner.Builder#build()}. A null {@code ssm}, {@code s3}
   * or {@code executor} is created here and closed by {@link #close()}: SSM from the default
   * chains, S3 when first needed, in the SSM client's region with its credentials.
   */
  public static DefaultSsmRunner create(
      SsmClient ssm,
      S3Client s3,
      CloudWatchLogsClient logs,
      Clock clock,
      Sleeper sleeper,
      ScheduledExecutorService executor,
      EngineSettings settings) {
    List<AutoCloseable> owned = new ArrayList<>();
    SsmClient client = ssm != null ? ssm : SsmClient.create();
    if (ssm == null) {
      owned.add(client);
    }
    Supplier<S3Client> s3Client = s3 != null ? () -> s3 : new LazyClient<>(() -> defaultS3(client));
    if (s3 == null) {
      owned.add((AutoCloseable) s3Client);
    }
    Supplier<CloudWatchLogsClient> logsClient =
        logs != null ? () -> logs : new LazyClient<>(CloudWatchLogsClient::create);
    if (logs == null) {
      owned.add((AutoCloseable) logsClient);
    }
    ScheduledExecutorService threads =
        executor != null ? executor : Executors.newScheduledThreadPool(2, daemonThreads());
    if (executor == null) {
      owned.add(threads::shutdownNow);
    }
    AwsS3Gateway s3Gateway = new AwsS3Gateway(s3Client);
    owned.add(0, s3Gateway);
    Transfers transfers = Transfers.create();
    owned.add(0, transfers.shutdown());
    return new DefaultSsmRunner(
        () -> new AwsSsmGateway(client),
        s3Gateway,
        transfers,
        () -> new AwsLogsGateway(logsClient.get()),
        clock,
        sleeper,
        Scheduler.of(threads),
        settings,
        new Random(),
        owned);
  }

  /** An S3 client in {@code ssm}'s region, with its credentials. */
  private static S3Client defaultS3(SsmClient ssm) {
    var config = ssm.serviceClientConfiguration();
    return S3Client.builder()
        .region(config.region())
        .credentialsProvider(config.credentialsProvider())
        .build();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "ssmrun-poller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public CommandResult run(RunRequest request, ProgressListener listener) {
    Run run = newRun(request, listeners(listener));
    LiveRun entry = register(run, null);
    try {
      for (var d = run.step(); d.isPresent(); d = run.step()) {
        sleeper.sleep(run.cancelPending() ? Duration.ZERO : d.get());
      }
      return run.result();
    } catch (InterruptedException e) {
      CommandResult result = run.abort();
      Thread.currentThread().interrupt();
      return result;
    } finally {
      entry.ended().complete(null);
      live.remove(entry);
    }
  }

  @Override
  public RunHandle start(RunRequest request, ProgressListener listener) {
    Listeners listeners = listeners(listener);
    return launchThenSchedule(newRun(request, listeners), listeners);
  }

  @Override
  public List<String> send(RunRequest request) {
    if (closed.get()) {
      throw new IllegalStateException("this SsmRunner is closed");
    }
    Run run = newRun(request, new Listeners());
    try {
      for (var d = run.step(); d.isPresent() && !run.isLaunched(); d = run.step()) {
        sleeper.sleep(d.get());
      }
    } catch (InterruptedException e) {
      CommandResult result = run.abort(); // Cancels what was sent: the caller gave up.
      Thread.currentThread().interrupt();
      throw new RunInterruptedException(
          "interrupted while sending; cancelled " + result.commandIds(), e);
    }
    return run.progress().commandIds();
  }

  @Override
  public CompletableFuture<CommandResult> runAsync(RunRequest request, ProgressListener listener) {
    Run run = newRun(request, listeners(listener));
    ScheduledDriver driver = register(run, new ScheduledDriver(run, scheduler)).driver();
    driver.schedule(Duration.ZERO);
    return driver.future();
  }

  @Override
  public RunHandle attach(AttachRequest request, ProgressListener listener) {
    Objects.requireNonNull(request, "request == null");
    Listeners listeners = listeners(listener);
    return launchThenSchedule(attached(request, listeners), listeners);
  }

  @Override
  public Progress inspect(String... commandIds) {
    Run run = attached(AttachRequest.of(commandIds), new Listeners());
    try {
      return run.inspect(sleeper);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException("interrupted while looking the commands up", e);
    }
  }

  /** Launches on the caller's thread (pre-flight and send, or lookup), then hands over. */
  private RunHandle launchThenSchedule(Run run, Listeners listeners) {
    LiveRun entry = register(run, new ScheduledDriver(run, scheduler));
    ScheduledDriver driver = entry.driver();
    try {
      var next = run.step();
      while (next.isPresent() && !run.isLaunched()) {
        sleeper.sleep(run.cancelPending() ? Duration.ZERO : next.get());
        next = run.step();
      }
      if (next.isPresent()) {
        driver.schedule(next.get());
      } else {
        driver.finishedBy(run.result());
      }
    } catch (InterruptedException e) {
      CommandResult result = run.abort();
      Thread.currentThread().interrupt();
      driver.finishedBy(result);
    } catch (RuntimeException e) {
      live.remove(entry);
      entry.ended().complete(null);
      throw e;
    }
    return new DefaultRunHandle(run, driver, listeners);
  }

  private Run newRun(RunRequest request, Listeners listeners) {
    Objects.requireNonNull(request, "request == null");
    SsmGateway ssm = gateways.get();
    StagingLocation location = request.staging().location().orElse(settings.staging.location());
    RunFolder folder =
        location == null ? null : RunFolder.create(location, clock.instant(), newToken());
    RunCleanup cleanup = new RunCleanup();
    Stager stage = new Stager(s3, ssm, request, folder, settings.staging.threshold(), cleanup);
    Launch launch =
        new Dispatch(
            ssm,
            request,
            stage,
            DefaultSsmRunner::newToken,
            settings.sendLookupWindow,
            settings.preflightInterval,
            clock);
    OutputResolver output =
        resolver(
            new OutputResolver.Spec(
                settings.staging.maxOutputBytes(),
                request.output().alwaysFromS3(),
                request.output().sink().orElse(null),
                request.staging().collectResults(),
                folder));
    Run.Spec spec =
        new Run.Spec(
            request.failurePolicy(),
            request.failFast(),
            request.targets().describeTags(),
            request.timeouts().effectiveWait());
    LogTail tail = request.output().follow() ? new LogTail(logs.get()) : null;
    return new Run(spec, ssm, launch, output, tail, cleanup, clock, settings, random, listeners);
  }

  private OutputResolver resolver(OutputResolver.Spec spec) {
    return new OutputResolver(s3, transfers.resolve(), transfers.ranges(), spec);
  }

  private Run attached(AttachRequest request, Listeners listeners) {
    SsmGateway ssm = gateways.get();
    Launch launch = new Attachment(ssm, request.commandIds(), settings.attachGrace);
    Run.Spec spec =
        new Run.Spec(
            request.failurePolicy(),
            request.failFast(),
            List.of("the command's targets"),
            request.waitTimeout().orElse(null));
    OutputResolver output =
        resolver(OutputResolver.Spec.wholeOutput(settings.staging.maxOutputBytes()));
    LogTail tail = request.followOutput() ? new LogTail(logs.get()) : null;
    return new Run(
        spec, ssm, launch, output, tail, new RunCleanup(), clock, settings, random, listeners);
  }

  private static Listeners listeners(ProgressListener listener) {
    Listeners listeners = new Listeners();
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return listeners;
  }

  private static String newToken() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private LiveRun register(Run run, ScheduledDriver driver) {
    if (closed.get()) {
      throw new IllegalStateException("this SsmRunner is closed");
    }
    LiveRun entry = new LiveRun(run, driver, new CompletableFuture<>());
    live.add(entry);
    if (driver != null) {
      var unused =
          driver
              .future()
              .whenComplete(
                  (r, e) -> {
                    live.remove(entry);
                    entry.ended().complete(null);
                  });
    }
    return entry;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<LiveRun> running = List.copyOf(live);
    for (LiveRun entry : running) {
      if (entry.driver() != null) {
        entry.driver().cancel();
      } else {
        entry.run().requestCancel();
      }
    }
    if (!owned.isEmpty()) {
      awaitCancelled(running);
    }
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing is best effort; nothing useful to do with a failure here.
      }
    }
  }

  /** The resources we own are about to go: let cancelled runs finish with them first. */
  private void awaitCancelled(List<LiveRun> running) {
    CompletableFuture<?>[] ended =
        running.stream().map(LiveRun::ended).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(ended).get(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Those still going are completed below.
    }
    for (LiveRun entry : running) {
      if (entry.driver() != null && !entry.driver().future().isDone()) {
        entry
            .driver()
            .future()
            .completeExceptionally(
                new RunFailedException(
                    "the SsmRunner was closed before the run could finish its cancellation;"
                        + " check its commands in SSM",
                    CommandResult.builder().commandIds(entry.run().progress().commandIds()).build(),
                    null));
      }
    }
  }
}
