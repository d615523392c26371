package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** Accelerator of a deployment's replicas ({@code gatewayAcceleratorType}); open for new hardware. */
public final class AcceleratorType extends OpenEnum {
  private static final KnownValues<AcceleratorType> VALUES = new KnownValues<>(AcceleratorType::new);

  /** Default: the server picks. */
  public static final AcceleratorType ACCELERATOR_TYPE_UNSPECIFIED = VALUES.known("ACCELERATOR_TYPE_UNSPECIFIED");
  /** NVIDIA A100, 80 GB. */
  public static final AcceleratorType NVIDIA_A100_80GB = VALUES.known("NVIDIA_A100_80GB");
  /** NVIDIA H100, 80 GB. */
  public static final AcceleratorType NVIDIA_H100_80GB = VALUES.known("NVIDIA_H100_80GB");
  /** AMD MI300X, 192 GB. */
  public static final AcceleratorType AMD_MI300X_192GB = VALUES.known("AMD_MI300X_192GB");
  /** NVIDIA A10G, 24 GB. */
  public static final AcceleratorType NVIDIA_A10G_24GB = VALUES.known("NVIDIA_A10G_24GB");
  /** NVIDIA A100, 40 GB. */
  public static final AcceleratorType NVIDIA_A100_40GB = VALUES.known("NVIDIA_A100_40GB");
  /** NVIDIA L4, 24 GB. */
  public static final AcceleratorType NVIDIA_L4_24GB = VALUES.known("NVIDIA_L4_24GB");
  /** NVIDIA H200, 141 GB. */
  public static final AcceleratorType NVIDIA_H200_141GB = VALUES.known("NVIDIA_H200_141GB");
  /** NVIDIA B200, 180 GB. */
  public static final AcceleratorType NVIDIA_B200_180GB = VALUES.known("NVIDIA_B200_180GB");
  /** AMD MI325X, 256 GB. */
  public static final AcceleratorType AMD_MI325X_256GB = VALUES.known("AMD_MI325X_256GB");
  /** AMD MI350X, 288 GB. */
  public static final AcceleratorType AMD_MI350X_288GB = VALUES.known("AMD_MI350X_288GB");
  /** NVIDIA B300, 288 GB. */
  public static final AcceleratorType NVIDIA_B300_288GB = VALUES.known("NVIDIA_B300_288GB");

  private AcceleratorType(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static AcceleratorType of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<AcceleratorType> knownValues() {
    return VALUES.values();
  }
}
