/**
 * Internal to the emulator, not API: may change in any release. The inference gateway: model resolution, routing with the SDK's picker, simulated replicas, synthetic output and SSE.
 */
package dev.fireworks4j.testkit.internal.gateway;
