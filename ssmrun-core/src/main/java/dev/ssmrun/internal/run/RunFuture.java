package dev.ssmrun.internal.run;

import dev.ssmrun.CommandResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run's future. A failure that happened on a scheduler thread is rethrown by {@link #join()} and
 * {@link #get()} with the caller's stack added as a suppressed {@link AwaitedHere}, so that the
 * trace shows where the caller waited. Cancelling it cancels the run.
 */
final class RunFuture extends CompletableFuture<CommandResult> {
  private volatile Runnable onCancel = () -> {};

  void onCancel(Runnable action) {
    this.onCancel = action;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      onCancel.run();
    }
    return cancelled;
  }

  @Override
  public CommandResult join() {
    try {
      return super.join();
    } catch (CompletionException e) {
      throw withCallerStack(e);
    }
  }

  @Override
  public CommandResult get() throws InterruptedException, ExecutionException {
    try {
      return super.get();
    } catch (ExecutionException e) {
      addCallerStack(e.getCause());
      throw e;
    }
  }

  @Override
  public CommandResult get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return super.get(timeout, unit);
    } catch (ExecutionException e) {
      addCallerStack(e.getCause());
      throw e;
    }
  }

  /** A future with the same outcome whose cancellation does not cancel the run. */
  RunFuture view() {
    RunFuture view = new RunFuture();
    var unused =
        whenComplete(
            (result, failure) -> {
              if (failure != null) {
                view.completeExceptionally(
                    failure instanceof CompletionException ? failure.getCause() : failure);
              } else {
                view.complete(result);
              }
            });
    return view;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }

  private static CompletionException withCallerStack(CompletionException e) {
    addCallerStack(e.getCause());
    return e;
  }

  static void addCallerStack(Throwable failure) {
    if (failure != null) {
      failure.addSuppressed(new AwaitedHere());
    }
  }

  /** Where a caller waited for a run that failed on another thread. */
  static final class AwaitedHere extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwaitedHere() {
      super("the run failed on a scheduler thread; this is where its result was awaited");
    }
  }
}
