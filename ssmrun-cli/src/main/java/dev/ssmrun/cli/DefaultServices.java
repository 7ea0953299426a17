package dev.ssmrun.cli;

import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.Platform;
import dev.ssmrun.emulator.SsmEmulator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The real world: AWS clients from the default chains, and the embedded emulator. */
final class DefaultServices implements Services {
  @Override
  public SsmRunner awsRunner(AwsSettings settings) {
    AwsCredentialsProvider credentials =
        settings.profile() == null
            ? DefaultCredentialsProvider.builder().build()
            : ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
    Region region = region(settings);
    var ssm = SsmClient.builder().credentialsProvider(credentials).region(region);
    if (settings.endpointUrl() != null) {
      ssm.endpointOverride(settings.endpointUrl());
    }
    var s3 = S3Client.builder().credentialsProvider(credentials).region(region);
    if (settings.s3EndpointUrl() != null) {
      s3.endpointOverride(settings.s3EndpointUrl()).forcePathStyle(true);
    }
    return SsmRunner.builder().ssmClient(ssm.build()).s3Client(s3.build()).build();
  }

  private static Region region(AwsSettings settings) {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    var chain = DefaultAwsRegionProviderChain.builder();
    if (settings.profile() != null) {
      chain.profileName(settings.profile());
    }
    return chain.build().getRegion();
  }

  @Override
  public SsmRunner localRunner(SsmEmulator emulator) {
    return SsmRunner.builder()
        .ssmClient(emulator.newSsmClient())
        .s3Client(emulator.newS3Client())
        .build();
  }

  @Override
  public SsmEmulator startEmulator(EmulatorSettings settings) {
    var builder = SsmEmulator.builder().port(settings.port()).instances(settings.instances());
    for (KeyValue tag : settings.tags()) {
      builder.addTag(tag.key(), tag.value());
    }
    if (settings.faults() != null) {
      builder.faults(settings.faults());
    }
    for (int n = 0; n < settings.windows(); n++) {
      builder.addInstance(InstanceSpec.builder().platform(Platform.WINDOWS).build());
    }
    if (settings.sharedHost()) {
      builder.isolation(Isolation.SHARED_HOST);
    }
    return builder.start();
  }
}
