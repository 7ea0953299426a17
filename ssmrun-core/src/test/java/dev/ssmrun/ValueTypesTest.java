package dev.ssmrun;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

/** equals and hashCode of every public value type, checked field by field. */
class ValueTypesTest {
  @Test
  void requestParts() {
    EqualsVerifier.forClass(Timeouts.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(Targets.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(OutputOptions.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(Payload.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void requests() {
    EqualsVerifier.forClass(RunRequest.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(AttachRequest.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(FailurePolicy.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void results() {
    EqualsVerifier.forClass(InvocationResult.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(CommandResult.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(Progress.class).suppress(Warning.NULL_FIELDS).verify();
  }
}
