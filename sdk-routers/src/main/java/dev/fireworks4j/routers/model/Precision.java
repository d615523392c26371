package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** Precision a deployment serves its model with ({@code DeploymentPrecision}); open for new formats. */
public final class Precision extends OpenEnum {
  private static final KnownValues<Precision> VALUES = new KnownValues<>(Precision::new);

  /** Default: the model's own precision (legacy models). */
  public static final Precision PRECISION_UNSPECIFIED = VALUES.known("PRECISION_UNSPECIFIED");
  /** 16-bit floating point. */
  public static final Precision FP16 = VALUES.known("FP16");
  /** 8-bit floating point. */
  public static final Precision FP8 = VALUES.known("FP8");
  /** FP8 matrix multiplications. */
  public static final Precision FP8_MM = VALUES.known("FP8_MM");
  /** FP8 all-reduce. */
  public static final Precision FP8_AR = VALUES.known("FP8_AR");
  /** FP8 matrix multiplications, KV cache and attention. */
  public static final Precision FP8_MM_KV_ATTN = VALUES.known("FP8_MM_KV_ATTN");
  /** FP8 KV cache. */
  public static final Precision FP8_KV = VALUES.known("FP8_KV");
  /** FP8 matrix multiplications, version 2. */
  public static final Precision FP8_MM_V2 = VALUES.known("FP8_MM_V2");
  /** FP8, version 2. */
  public static final Precision FP8_V2 = VALUES.known("FP8_V2");
  /** FP8 matrix multiplications, KV cache and attention, version 2. */
  public static final Precision FP8_MM_KV_ATTN_V2 = VALUES.known("FP8_MM_KV_ATTN_V2");
  /** 4-bit NormalFloat. */
  public static final Precision NF4 = VALUES.known("NF4");
  /** 4-bit floating point. */
  public static final Precision FP4 = VALUES.known("FP4");
  /** bfloat16. */
  public static final Precision BF16 = VALUES.known("BF16");
  /** FP4 block-scaled matrix multiplications. */
  public static final Precision FP4_BLOCKSCALED_MM = VALUES.known("FP4_BLOCKSCALED_MM");
  /** FP4 microscaling for mixture-of-experts layers. */
  public static final Precision FP4_MX_MOE = VALUES.known("FP4_MX_MOE");

  private Precision(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static Precision of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<Precision> knownValues() {
    return VALUES.values();
  }
}
