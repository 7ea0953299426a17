package dev.ssmrun.internal.run;

import java.util.function.Supplier;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** A client created on first use from {@code factory}, and closed only if it was created. */
final class LazyClient<T extends SdkAutoCloseable> implements Supplier<T>, SdkAutoCloseable {
  private final Supplier<T> factory;
  private T client;

  LazyClient(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public synchronized T get() {
    if (client == null) {
      client = factory.get();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
