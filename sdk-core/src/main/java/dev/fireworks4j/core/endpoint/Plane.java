package dev.fireworks4j.core.endpoint;

/** The two APIs of the platform, which may live at different base URLs. */
public enum Plane {
  /** The control plane: routers, deployments, models ({@code /v1/accounts/...}). */
  CONTROL,
  /** The OpenAI-compatible inference API ({@code /chat/completions}, {@code /completions}). */
  INFERENCE
}
