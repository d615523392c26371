/**
 * JUnit Jupiter support: {@link dev.fireworks4j.testkit.junit.EmulatedFireworks} runs a test class against one
 * emulator and injects it, its client options and a {@code Fireworks} client. Needs
 * {@code org.junit.jupiter:junit-jupiter-api} (5.x or 6.x) on the test class path.
 */
package dev.fireworks4j.testkit.junit;
