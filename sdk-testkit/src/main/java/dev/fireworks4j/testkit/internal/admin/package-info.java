/**
 * Internal to the emulator, not API: may change in any release. The admin API ({@code /admin/...}) and the JSON form of profiles, faults and counters.
 */
package dev.fireworks4j.testkit.internal.admin;
