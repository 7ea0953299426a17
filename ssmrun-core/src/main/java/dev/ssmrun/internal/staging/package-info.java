/**
 * Not API. The payload stage between pre-flight and sending: inline or staged in S3 under a
 * per-run folder, the POSIX sh and PowerShell bootstraps that fetch, check and run a staged
 * payload, the bucket checks made before anything is sent, and the run's cleanup.
 */
package dev.ssmrun.internal.staging;
