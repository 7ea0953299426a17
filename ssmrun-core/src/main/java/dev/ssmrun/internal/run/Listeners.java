package dev.ssmrun.internal.run;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's listeners. Called by the run's driver thread with no lock held; a failing listener never
 * stops a run. A listener added late hears what happens from then on.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();

  void add(ProgressListener listener) {
    listeners.add(listener);
  }

  void completed(InvocationResult invocation) {
    each(l -> l.onInvocationCompleted(invocation));
  }

  void output(OutputChunk chunk) {
    each(l -> l.onOutput(chunk));
  }

  void progress(Progress progress) {
    each(l -> l.onProgress(progress));
  }

  void warning(String warning) {
    each(l -> l.onWarning(warning));
  }

  private void each(Consumer<ProgressListener> call) {
    for (ProgressListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("progress listener {} failed; ignored", listener.getClass().getName(), e);
      }
    }
  }
}
