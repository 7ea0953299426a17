/** The emulator's Parameter Store: parameters with their versions, in memory. */
package dev.ssmrun.emulator.internal.params;
