/**
 * The SDK's front door, in the {@code fireworks4j} artifact: {@link dev.fireworks4j.Fireworks} (blocking) and
 * {@link dev.fireworks4j.FireworksAsync} (non-blocking), which reach routers, deployments, chat
 * completions and completions over one shared transport. Applications that need only one plane can depend
 * on {@code sdk-inference} ({@code InferenceClient}) or {@code sdk-routers} alone.
 */
package dev.fireworks4j;
