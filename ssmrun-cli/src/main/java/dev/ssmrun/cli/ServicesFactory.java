package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.Services;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates commands with the {@link Services} injected (those with a {@code Services}
 * constructor); anything else the picocli way.
 */
final class ServicesFactory implements IFactory {
  private final Services services;

  ServicesFactory(Services services) {
    this.services = services;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == 1
          && constructor.getParameterTypes()[0] == Services.class) {
        return type.cast(constructor.newInstance(services));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
