/** Not API. The SSM port over the AWS SDK, per-run metering, and how SDK failures are read. */
package dev.ssmrun.internal.aws;
