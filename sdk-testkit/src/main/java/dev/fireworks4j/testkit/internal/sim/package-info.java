/**
 * Internal to the emulator, not API: may change in any release. Serving profiles and counters shared by the gateway and the admin API.
 */
package dev.fireworks4j.testkit.internal.sim;
