package dev.ssmrun.internal.run;

import dev.ssmrun.AwaitTimeoutException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunInterruptedException;
import dev.ssmrun.SsmRunException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link RunHandle} over a run driven by a {@link ScheduledDriver}. Every method is lock-free. */
final class DefaultRunHandle implements RunHandle {
  private final Run run;
  private final ScheduledDriver driver;
  private final Listeners listeners;

  DefaultRunHandle(Run run, ScheduledDriver driver, Listeners listeners) {
    this.run = run;
    this.driver = driver;
    this.listeners = listeners;
  }

  @Override
  public List<String> commandIds() {
    return run.progress().commandIds();
  }

  @Override
  public Progress progress() {
    return run.progress();
  }

  @Override
  public void addListener(ProgressListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
  }

  @Override
  public CommandResult await() {
    return await(null);
  }

  @Override
  public CommandResult await(Duration timeout) {
    try {
      return timeout == null
          ? driver.future().view().get()
          : driver.future().view().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException("interrupted while awaiting the result", e);
    } catch (TimeoutException e) {
      AwaitTimeoutException timedOut = new AwaitTimeoutException(timeout);
      timedOut.initCause(e);
      throw timedOut;
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new SsmRunException("the run failed: " + cause, cause);
  }

  @Override
  public void cancel() {
    driver.cancel();
  }

  @Override
  public boolean isDone() {
    return driver.future().isDone();
  }

  @Override
  public CompletableFuture<CommandResult> future() {
    return driver.future().view();
  }
}
