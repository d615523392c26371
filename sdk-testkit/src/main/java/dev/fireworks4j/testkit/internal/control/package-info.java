/**
 * Internal to the emulator, not API: may change in any release. The control plane: routers and deployments, their lifecycle, paging, filters and masks, and its HTTP API.
 */
package dev.fireworks4j.testkit.internal.control;
