/**
 * fwctl, a command-line tool mirroring firectl's router commands on fireworks4j:
 * {@link dev.fireworks4j.examples.fwctl.Fwctl}, run by the {@code sdk-examples/fwctl} script.
 */
package dev.fireworks4j.examples.fwctl;
