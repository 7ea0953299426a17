/** Not API. Whole output of finished invocations, from S3. */
package dev.ssmrun.internal.output;
