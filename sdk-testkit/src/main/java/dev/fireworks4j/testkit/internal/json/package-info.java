/**
 * Internal to the emulator, not API: may change in any release. The emulator's own JSON helpers, independent of the SDK's Jackson configuration.
 */
package dev.fireworks4j.testkit.internal.json;
