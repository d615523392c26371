/**
 * The demo behind the README's first command: {@link dev.fireworks4j.examples.demo.Demo} walks through the
 * Fireworks router guide on the embedded emulator, or on the platform with real credentials, and checks each
 * step's claims.
 */
package dev.fireworks4j.examples.demo;
