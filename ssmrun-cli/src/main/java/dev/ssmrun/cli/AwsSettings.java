package dev.ssmrun.cli;

import java.net.URI;

/** How to reach AWS: each field null when not given, so the SDK's default chains decide. */
record AwsSettings(String region, String profile, URI endpointUrl, URI s3EndpointUrl) {}
