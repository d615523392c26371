package dev.fireworks4j.testkit.internal.control;

import dev.fireworks4j.testkit.internal.control.Field.Kind;
import java.util.List;

/** The control-plane messages of {@code spec/gateway-openapi.yml} (v4.259.0) that the emulator serves. */
final class Schemas {
  static final List<String> DEPLOYMENT_STATES =
      List.of("STATE_UNSPECIFIED", "CREATING", "READY", "DELETING", "FAILED", "UPDATING", "DELETED");
  static final List<String> ROUTER_STATES = List.of("STATE_UNSPECIFIED", "CREATING", "READY", "UPDATING", "DELETING");
  static final List<String> CODES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "UNAUTHENTICATED", "RESOURCE_EXHAUSTED",
      "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS");
  static final List<String> ACCELERATOR_TYPES = List.of("ACCELERATOR_TYPE_UNSPECIFIED", "NVIDIA_A100_80GB",
      "NVIDIA_H100_80GB", "AMD_MI300X_192GB", "NVIDIA_A10G_24GB", "NVIDIA_A100_40GB", "NVIDIA_L4_24GB",
      "NVIDIA_H200_141GB", "NVIDIA_B200_180GB", "AMD_MI325X_256GB", "AMD_MI350X_288GB", "NVIDIA_B300_288GB");
  static final List<String> PRECISIONS = List.of("PRECISION_UNSPECIFIED", "FP16", "FP8", "FP8_MM", "FP8_AR",
      "FP8_MM_KV_ATTN", "FP8_KV", "FP8_MM_V2", "FP8_V2", "FP8_MM_KV_ATTN_V2", "NF4", "FP4", "BF16",
      "FP4_BLOCKSCALED_MM", "FP4_MX_MOE");
  static final List<String> DIRECT_ROUTE_TYPES =
      List.of("DIRECT_ROUTE_TYPE_UNSPECIFIED", "INTERNET", "GCP_PRIVATE_SERVICE_CONNECT", "AWS_PRIVATELINK");
  static final List<String> MULTI_REGIONS = List.of("MULTI_REGION_UNSPECIFIED", "GLOBAL", "US", "EUROPE", "APAC");
  static final List<String> REGIONS = List.of("REGION_UNSPECIFIED", "US_IOWA_1", "US_VIRGINIA_1", "US_VIRGINIA_2",
      "US_ILLINOIS_1", "AP_TOKYO_1", "US_ARIZONA_1", "US_TEXAS_1", "US_ILLINOIS_2", "EU_FRANKFURT_1", "US_TEXAS_2",
      "EU_ICELAND_1", "EU_ICELAND_2", "US_WASHINGTON_1", "US_WASHINGTON_2", "US_WASHINGTON_3", "AP_TOKYO_2",
      "US_CALIFORNIA_1", "US_UTAH_1", "US_GEORGIA_1", "US_GEORGIA_2", "US_WASHINGTON_4", "US_GEORGIA_3",
      "NA_BRITISHCOLUMBIA_1", "US_GEORGIA_4", "US_OHIO_1", "US_NEWYORK_1", "EU_NETHERLANDS_1", "US_WASHINGTON_5",
      "US_MINNESOTA_1", "US_CALIFORNIA_2", "AP_MALAYSIA_1", "US_OHIO_2");
  static final List<String> BUCKET_TYPES = List.of("BUCKET_TYPE_UNSPECIFIED", "MINIO", "S3", "NEBIUS", "FW_HOSTED");

  static final MessageSchema STATUS = MessageSchema.named("gatewayStatus")
      .enumField("code", false, CODES).string("message");

  static final MessageSchema SCALING_SCHEDULE = MessageSchema.named("gatewayScalingSchedule")
      .field("minReplicaCount", Kind.INT32).string("schedule").field("duration", Kind.DURATION).string("timezone")
      .string("description").field("disabled", Kind.BOOL);

  static final MessageSchema AUTOSCALING_POLICY = MessageSchema.named("gatewayAutoscalingPolicy")
      .field("scaleUpWindow", Kind.DURATION).field("scaleDownWindow", Kind.DURATION)
      .field("scaleToZeroWindow", Kind.DURATION).map("loadTargets", Kind.FLOAT, null)
      .map("scalingSchedules", Kind.MESSAGE, SCALING_SCHEDULE);

  static final MessageSchema AUTO_TUNE = MessageSchema.named("gatewayAutoTune").field("longPrompt", Kind.BOOL);

  static final MessageSchema PLACEMENT = MessageSchema.named("gatewayPlacement")
      .enumField("region", false, REGIONS).enumField("multiRegion", false, MULTI_REGIONS)
      .list("regions", false, Kind.ENUM, REGIONS);

  static final MessageSchema REPLICA_STATS = MessageSchema.named("gatewayReplicaStats")
      .readOnly("pendingSchedulingReplicaCount", Kind.INT32).readOnly("downloadingModelReplicaCount", Kind.INT32)
      .readOnly("initializingReplicaCount", Kind.INT32).readOnly("readyReplicaCount", Kind.INT32)
      .readOnly("revocableReplicaCount", Kind.INT32).readOnly("partialReplicaCount", Kind.FLOAT);

  static final MessageSchema DEPLOYMENT = MessageSchema.named("gatewayDeployment")
      .readOnly("name", Kind.STRING).string("displayName").string("description")
      .readOnly("createTime", Kind.TIMESTAMP).field("expireTime", Kind.TIMESTAMP)
      .readOnly("purgeTime", Kind.TIMESTAMP).readOnly("deleteTime", Kind.TIMESTAMP)
      .enumField("state", true, DEPLOYMENT_STATES).message("status", true, STATUS)
      .map("annotations", Kind.STRING, null)
      .field("minReplicaCount", Kind.INT32).field("maxReplicaCount", Kind.INT32)
      .field("maxWithRevocableReplicaCount", Kind.INT32)
      .readOnly("desiredReplicaCount", Kind.INT32).readOnly("replicaCount", Kind.INT32)
      .message("autoscalingPolicy", false, AUTOSCALING_POLICY).string("baseModel")
      .field("acceleratorCount", Kind.INT32).enumField("acceleratorType", false, ACCELERATOR_TYPES)
      .enumField("precision", false, PRECISIONS).readOnly("cluster", Kind.STRING)
      .field("enableAddons", Kind.BOOL).field("draftTokenCount", Kind.INT32).string("draftModel")
      .field("ngramSpeculationLength", Kind.INT32).field("enableSessionAffinity", Kind.BOOL)
      .list("directRouteApiKeys", false, Kind.STRING, List.of()).field("numPeftDeviceCached", Kind.INT32)
      .enumField("directRouteType", false, DIRECT_ROUTE_TYPES).readOnly("directRouteHandle", Kind.STRING)
      .string("deploymentTemplate").message("autoTune", false, AUTO_TUNE)
      .message("placement", false, PLACEMENT).enumField("region", true, REGIONS)
      .field("maxContextLength", Kind.INT32).readOnly("updateTime", Kind.TIMESTAMP)
      .field("disableDeploymentSizeValidation", Kind.BOOL).field("enableHotLoad", Kind.BOOL)
      .enumField("hotLoadBucketType", false, BUCKET_TYPES).field("enableHotReloadLatestAddon", Kind.BOOL)
      .string("deploymentShape").string("activeModelVersion").string("targetModelVersion")
      .message("replicaStats", true, REPLICA_STATS).string("hotLoadBucketUrl").string("pricingPlanId")
      .string("hotLoadTrainerJob");

  static final MessageSchema EMPTY = MessageSchema.named("empty strategy");

  static final MessageSchema ROUTER = MessageSchema.named("gatewayRouter")
      .readOnly("name", Kind.STRING).string("displayName").readOnly("createTime", Kind.TIMESTAMP)
      .readOnly("createdBy", Kind.STRING).enumField("state", true, ROUTER_STATES).message("status", true, STATUS)
      .list("deployments", false, Kind.STRING, List.of()).string("model")
      .message("weightedRandom", false, EMPTY).message("evenLoad", false, EMPTY)
      .list("aliases", true, Kind.STRING, List.of()).readOnly("autoGenerated", Kind.BOOL)
      .field("public", Kind.BOOL);

  private Schemas() {}
}
