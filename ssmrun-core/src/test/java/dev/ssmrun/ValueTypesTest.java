package dev.ssmrun;

import java.io.OutputStream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

/** equals and hashCode of every public value type, checked field by field. */
class ValueTypesTest {
  @Test
  void requestParts() {
    EqualsVerifier.forClass(Timeouts.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(Targets.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(OutputOptions.class)
        .withPrefabValues(OutputSink.class, new Sink(), new Sink())
        .suppress(Warning.NULL_FIELDS)
        .verify();
    EqualsVerifier.forClass(Payload.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(StagingOptions.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(StagingLocation.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(ScriptInput.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void requests() {
    EqualsVerifier.forClass(RunRequest.class)
        .withPrefabValues(OutputSink.class, new Sink(), new Sink())
        .suppress(Warning.NULL_FIELDS)
        .verify();
    EqualsVerifier.forClass(AttachRequest.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(FailurePolicy.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void results() {
    EqualsVerifier.forClass(InvocationResult.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(ScriptResult.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(CommandResult.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(Progress.class).suppress(Warning.NULL_FIELDS).verify();
  }

  /** A sink class of its own: EqualsVerifier cannot copy lambdas. */
  private static final class Sink implements OutputSink {
    @Override
    public OutputStream open(String instanceId, Stream stream) {
      return null;
    }
  }
}
