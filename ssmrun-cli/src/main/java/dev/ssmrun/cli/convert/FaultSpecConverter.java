package dev.ssmrun.cli.convert;

import dev.ssmrun.emulator.FaultSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a fault SPEC while parsing, so a typo is a usage error before anything starts. */
public final class FaultSpecConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    try {
      FaultSpec.parse(value);
      return value;
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
