/**
 * Run commands on EC2 instances through AWS Systems Manager Run Command, and get their exit codes
 * and output back. Start with {@link dev.ssmrun.SsmRunner} and {@link dev.ssmrun.RunRequest}.
 */
package dev.ssmrun;
