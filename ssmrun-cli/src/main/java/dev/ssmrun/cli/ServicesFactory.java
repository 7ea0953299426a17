package dev.ssmrun.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands with the {@link Services} injected; anything else the picocli way. */
final class ServicesFactory implements IFactory {
  private final Services services;

  ServicesFactory(Services services) {
    this.services = services;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == RunCommand.class) {
      return type.cast(new RunCommand(services));
    }
    if (type == InstancesCommand.class) {
      return type.cast(new InstancesCommand(services));
    }
    if (type == EmulatorCommand.class) {
      return type.cast(new EmulatorCommand(services));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
