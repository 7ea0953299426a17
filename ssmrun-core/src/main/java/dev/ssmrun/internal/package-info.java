/** Not API: the engine behind {@link dev.ssmrun.SsmRunner}. May change in any release. */
package dev.ssmrun.internal;
