/**
 * The SDK's front door: {@link dev.fireworks4j.Fireworks} (blocking) and
 * {@link dev.fireworks4j.FireworksAsync} (non-blocking), which reach routers, deployments, chat
 * completions and completions over one shared transport.
 */
package dev.fireworks4j;
