package dev.ssmrun.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/** Closes a resource at most once, whichever of the normal path and Ctrl-C gets there first. */
final class CloseOnce implements AutoCloseable {
  private final AutoCloseable resource;
  private final AtomicBoolean closed = new AtomicBoolean();

  CloseOnce(AutoCloseable resource) {
    this.resource = resource;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not close " + resource, e);
      }
    }
  }
}
