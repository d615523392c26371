package dev.fireworks4j.inference.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One part of a multi-part message: text, an image URL or a video URL ({@code ChatMessageContent}). */
@Value.Immutable
@JsonSerialize(as = ImmutableContentPart.class)
@JsonDeserialize(as = ImmutableContentPart.class)
public abstract class ContentPart {
  ContentPart() {}

  /** {@code text}, {@code image_url} or {@code video_url}. */
  @JsonProperty("type")
  public abstract String type();

  /** The text of a text part. */
  @JsonProperty("text")
  public abstract Optional<String> text();

  /** The image of an image part. */
  @JsonProperty("image_url")
  public abstract Optional<ImageUrl> imageUrl();

  /** The video of a video part. */
  @JsonProperty("video_url")
  public abstract Optional<VideoUrl> videoUrl();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** A text part. */
  public static ContentPart text(String text) {
    return ImmutableContentPart.builder().type("text").text(text).build();
  }

  /** An image part: an http(s) URL or a {@code data:image/...;base64,} URL. */
  public static ContentPart image(String url) {
    return image(ImageUrl.builder().url(url).build());
  }

  /** An image part with all its options. */
  public static ContentPart image(ImageUrl image) {
    return ImmutableContentPart.builder().type("image_url").imageUrl(image).build();
  }

  /** A video part. */
  public static ContentPart video(String url) {
    return video(VideoUrl.builder().url(url).build());
  }

  /** A video part with all its options. */
  public static ContentPart video(VideoUrl video) {
    return ImmutableContentPart.builder().type("video_url").videoUrl(video).build();
  }

  /** An image reference ({@code ChatMessageContentImageURL}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableImageUrl.class)
  @JsonDeserialize(as = ImmutableImageUrl.class)
  public abstract static class ImageUrl {
    ImageUrl() {}

    /** The image URL or data URL. */
    @JsonProperty("url")
    public abstract String url();

    /** The detail level, such as {@code low} or {@code high}. */
    @JsonProperty("detail")
    public abstract Optional<String> detail();

    /** Fields this SDK version does not know, kept and written back. */
    @JsonAnyGetter
    public abstract Map<String, JsonNode> additionalProperties();

    /** A builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link ImageUrl}. */
    public static final class Builder extends ImmutableImageUrl.Builder {}
  }

  /** A video reference and how to sample it ({@code ChatMessageContentVideoURL}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableVideoUrl.class)
  @JsonDeserialize(as = ImmutableVideoUrl.class)
  public abstract static class VideoUrl {
    VideoUrl() {}

    /** The video URL. */
    @JsonProperty("url")
    public abstract String url();

    /** The detail level. */
    @JsonProperty("detail")
    public abstract Optional<String> detail();

    /** The most frames to sample. */
    @JsonProperty("max_frames")
    public abstract OptionalInt maxFrames();

    /** A limit on the frame size. */
    @JsonProperty("spatial_limit")
    public abstract OptionalInt spatialLimit();

    /** Frames sampled per second. */
    @JsonProperty("sample_fps")
    public abstract OptionalDouble sampleFps();

    /** Fields this SDK version does not know, kept and written back. */
    @JsonAnyGetter
    public abstract Map<String, JsonNode> additionalProperties();

    /** A builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link VideoUrl}. */
    public static final class Builder extends ImmutableVideoUrl.Builder {}
  }
}
