package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.internal.agent.Agent;
import dev.ssmrun.emulator.internal.agent.RunningScripts;
import dev.ssmrun.emulator.internal.agent.Sandbox;
import dev.ssmrun.emulator.internal.agent.ScriptRunner;
import dev.ssmrun.emulator.internal.faults.Faults;
import dev.ssmrun.emulator.internal.logs.AgentLogs;
import dev.ssmrun.emulator.internal.logs.LogStore;
import dev.ssmrun.emulator.internal.params.ParameterStore;
import dev.ssmrun.emulator.internal.s3.OutputUploader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The service side's state: instances, commands, executions, the call log, and the threads that
 * move invocations along. One lock guards all mutable state; no I/O happens under it.
 */
public final class Engine implements AutoCloseable {
  public final Settings settings;
  public final Clock clock;
  public final Object lock = new Object();
  public final Map<String, Instance> instances = new LinkedHashMap<>();
  public final Map<String, CommandRecord> commands = new LinkedHashMap<>();
  public final Map<String, Integer> executions = new TreeMap<>();
  public final CallLog calls = new CallLog();
  public final Faults faults;
  public final LogStore logs = new LogStore();
  public final AgentLogs agentLogs;
  public final ParameterStore parameters = new ParameterStore();
  final ScheduledExecutorService scheduler;
  final ExecutorService workers;
  private final RunningScripts scripts = new RunningScripts();
  private final Agent agent;
  public final Dispatcher dispatcher;
  private final Isolation isolation;
  private final Random ids;
  private volatile boolean closed;

  /** A Name tag that is also a valid hostname label becomes the instance's hostname. */
  private static final Pattern HOSTNAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  /** How long closing waits for running scripts to end. */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

  private Engine(Settings settings, OutputUploader uploader) {
    this.settings = settings;
    this.clock = settings.clock();
    this.faults = new Faults(settings.faults(), settings.seed(), clock);
    this.ids = new Random(settings.seed());
    this.agentLogs = new AgentLogs(logs, clock, settings.logs());
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("ssm-timer"));
    timers.setRemoveOnCancelPolicy(true);
    this.scheduler = timers;
    this.workers = Executors.newCachedThreadPool(daemon("ssm-agent"));
    this.isolation = Sandbox.resolve(settings.isolation(), settings.workRoot());
    ScriptRunner runner = new ScriptRunner(scheduler, workers, scripts);
    this.agent = new Agent(this, runner, uploader, isolation);
    this.dispatcher = new Dispatcher(this, agent);
  }

  /** Creates the engine; {@code uploader} puts full output into the embedded S3. */
  public static Engine create(Settings settings, OutputUploader uploader) {
    try {
      Files.createDirectories(settings.workRoot());
      Files.setPosixFilePermissions(
          settings.workRoot(), PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot create work folder " + settings.workRoot(), e);
    }
    return new Engine(settings, uploader);
  }

  /**
   * Adds an instance and returns its id; it is named after its Name tag when that is a valid
   * hostname, else {@code fallbackName}.
   */
  public String addInstance(InstanceSpec spec, String fallbackName) {
    synchronized (lock) {
      String id = "i-" + HexFormat.of().toHexDigits(ids.nextLong()).substring(0, 16) + hexDigit();
      Map<String, String> tags = new LinkedHashMap<>(spec.tags());
      tags.putAll(settings.commonTags());
      String nameTag = tags.getOrDefault("Name", "");
      String name = HOSTNAME.matcher(nameTag).matches() ? nameTag : fallbackName;
      Path home = settings.workRoot().resolve(id);
      try {
        Files.createDirectories(home.resolve("work"));
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the folder of " + id, e);
      }
      instances.put(
          id,
          new Instance(
              id, name, spec.operatingSystem(), tags, home, clock.instant(), spec.online()));
      return id;
    }
  }

  private String hexDigit() {
    return Integer.toHexString(ids.nextInt(16));
  }

  /** Brings an instance's agent online (delivering what waits for it) or takes it offline. */
  public void setOnline(String instanceId, boolean online) {
    synchronized (lock) {
      Instance instance = instances.get(instanceId);
      if (instance == null) {
        throw new IllegalArgumentException(
            "no simulated instance " + instanceId + "; known: " + instances.keySet());
      }
      instance.online(online, clock.instant());
    }
    if (online) {
      dispatcher.dispatchAll();
    }
  }

  /** Instance ids in creation order. */
  public List<String> instanceIds() {
    synchronized (lock) {
      return new ArrayList<>(instances.keySet());
    }
  }

  /** The folder holding an instance's working folder and orchestration folders. */
  public Path instanceHome(String instanceId) {
    synchronized (lock) {
      Instance instance = instances.get(instanceId);
      if (instance == null) {
        throw new IllegalArgumentException("no simulated instance " + instanceId);
      }
      return instance.home;
    }
  }

  /** Counts of calls, executions and invocation statuses, plus the calls the log kept. */
  public StateSnapshot snapshot() {
    Map<String, Integer> executionCounts;
    Map<String, Integer> statuses = new TreeMap<>();
    int commandCount;
    synchronized (lock) {
      executionCounts = new TreeMap<>(executions);
      commandCount = commands.size();
      for (CommandRecord command : commands.values()) {
        for (Invocation inv : command.invocations.values()) {
          statuses.merge(inv.status(), 1, Integer::sum);
        }
      }
    }
    return new StateSnapshot(
        calls.counts(),
        Collections.unmodifiableMap(executionCounts),
        Collections.unmodifiableMap(statuses),
        commandCount,
        calls.recent());
  }

  /** The isolation the instances got: the one asked for, or the best this host allows. */
  public Isolation isolation() {
    return isolation;
  }

  /** Runs {@code task} after {@code delay}; dropped once the emulator closes. */
  public void later(Runnable task, Duration delay) {
    try {
      var unused = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The emulator is closing; timers no longer matter.
    }
  }

  /** Runs {@code task} on an agent thread; dropped once the emulator closes. */
  public void execute(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      // The emulator is closing; nothing more runs.
    }
  }

  /**
   * Stops all timers and threads and every script still running, waiting until their processes
   * are gone, then ends the instances' sandboxes.
   */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    agentLogs.close();
    scripts.stopAll(STOP_LIMIT);
    workers.shutdownNow();
    try {
      workers.awaitTermination(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    agent.close();
  }

  /** True once {@link #close()} began. */
  public boolean closed() {
    return closed;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
