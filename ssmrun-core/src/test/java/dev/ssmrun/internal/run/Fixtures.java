package dev.ssmrun.internal.run;

import dev.ssmrun.internal.fake.FakeLogsGateway;
import dev.ssmrun.internal.fake.FakeS3Gateway;
import dev.ssmrun.internal.fake.FakeSsmGateway;
import dev.ssmrun.internal.fake.FakeTime;
import java.util.List;
import java.util.Random;

/** Shared set-up for engine unit tests: fake time, fake SSM, no jitter. */
final class Fixtures {
  final FakeTime time = new FakeTime();
  final FakeSsmGateway ssm = new FakeSsmGateway(time);
  final FakeS3Gateway s3 = new FakeS3Gateway();
  final FakeScheduler scheduler = new FakeScheduler(time);
  final FakeLogsGateway logs = new FakeLogsGateway();

  DefaultSsmRunner runner() {
    return runner(EngineSettings.DEFAULT);
  }

  DefaultSsmRunner runner(EngineSettings settings) {
    return new DefaultSsmRunner(
        ssm::view,
        s3,
        Transfers.direct(),
        () -> logs,
        time,
        time,
        scheduler,
        settings,
        new NoJitter(),
        List.of());
  }

  /** Always 0.5, so that jitter factors are exactly 1. */
  static final class NoJitter extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public double nextDouble() {
      return 0.5;
    }
  }
}
