/**
 * An embedded emulator of the Fireworks platform for tests and demos: the control plane (routers,
 * deployments) and the OpenAI-compatible inference gateway on one loopback port.
 *
 * <p>Start one with {@link dev.fireworks4j.testkit.FireworksEmulator#start()} or
 * {@link dev.fireworks4j.testkit.FireworksEmulator#builder()}, point a client at
 * {@link dev.fireworks4j.testkit.FireworksEmulator#clientOptions()}, and shape the simulated deployments
 * with {@link dev.fireworks4j.testkit.ServingProfile}, {@link dev.fireworks4j.testkit.LatencyModel},
 * {@link dev.fireworks4j.testkit.Faults} and {@link dev.fireworks4j.testkit.StreamQuirk}. Read what they
 * received with {@link dev.fireworks4j.testkit.FireworksEmulator#counters()}. The same emulator runs
 * standalone ({@link dev.fireworks4j.testkit.EmulatorMain}) and inside JUnit tests
 * ({@link dev.fireworks4j.testkit.junit.EmulatedFireworks}).
 */
package dev.fireworks4j.testkit;
