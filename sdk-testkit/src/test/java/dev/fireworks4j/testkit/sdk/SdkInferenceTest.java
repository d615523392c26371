package dev.fireworks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.core.error.InternalServerException;
import dev.fireworks4j.core.error.NotFoundException;
import dev.fireworks4j.core.error.RateLimitException;
import dev.fireworks4j.core.error.StreamException;
import dev.fireworks4j.core.error.UnprocessableEntityException;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.completions.Completion;
import dev.fireworks4j.inference.completions.CompletionParams;
import dev.fireworks4j.inference.completions.Prompt;
import dev.fireworks4j.directroute.DirectRouteHandle;
import dev.fireworks4j.directroute.DirectRouteMigration;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.StreamQuirk;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SDK's inference calls, end to end against the emulator's gateway. */
@EmulatedFireworks(config = "gateway.json", resetBeforeEach = true)
class SdkInferenceTest {
  private static final String ROUTER = "accounts/emulator/routers/ab";

  private final FireworksEmulator emulator;
  private final Fireworks fw;

  SdkInferenceTest(FireworksEmulator emulator, Fireworks fw) {
    this.emulator = emulator;
    this.fw = fw;
  }

  private static ChatCompletionParams hello(String model, int maxTokens) {
    return ChatCompletionParams.builder().model(model).addSystemMessage("Be brief.").addUserMessage("Hello there")
        .maxTokens(maxTokens).build();
  }

  @Test
  void chatCompletionThroughARouter() {
    ChatCompletion completion = fw.chat().completions().create(ChatCompletionParams.builder()
        .model(RouterName.of("emulator", "ab")).addUserMessage("Hello").maxTokens(7).n(2).seed(3).build());

    assertThat(completion.model()).isEqualTo(ROUTER);
    assertThat(completion.choices()).hasSize(2);
    assertThat(completion.choices().get(0).message().text()).hasValueSatisfying(t -> assertThat(t.split(" ")).hasSize(7));
    assertThat(completion.choices().get(0).finishReason()).hasValue("length");
    assertThat(completion.usage()).hasValueSatisfying(u -> {
      assertThat(u.completionTokens()).hasValue(14);
      assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + 14);
    });
  }

  @Test
  void aCustomBaseUrlReachesBothPlanes() {
    try (Fireworks custom = Fireworks.create(emulator.clientOptions().toBuilder()
        .endpoints(Endpoints.custom(emulator.baseUri())).build())) {
      assertThat(custom.deployments().get("model-a").replicaCount()).hasValue(2);
      assertThat(custom.chat().completions().create(hello(ROUTER, 2)).choices()).hasSize(1);
    }
  }

  @Test
  void rawResponseCarriesTheGatewayHeaders() {
    RawResponse<ChatCompletion> raw = fw.chat().completions().withRawResponse().create(hello(ROUTER, 3));

    assertThat(raw.metadata().status()).isEqualTo(200);
    assertThat(raw.metadata().deployment()).hasValueSatisfying(d -> assertThat(d).startsWith("accounts/emulator/"));
    assertThat(raw.metadata().backendHost()).hasValueSatisfying(h -> assertThat(h).contains("-replica-"));
    assertThat(raw.metadata().serverTimeToFirstToken()).isPresent();
    assertThat(raw.metadata().promptTokens()).isPresent();
    assertThat(raw.metadata().rateLimits()).isNotEmpty();
    assertThat(raw.metadata().header("x-request-id")).isPresent();
  }

  @Test
  void chatStreamReadsToTheEnd() {
    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(hello(ROUTER, 6))) {
      assertThat(stream.metadata().deployment()).isPresent();
      chunks = stream.stream().collect(Collectors.toList());
    }

    String text = chunks.stream().flatMap(c -> c.choices().stream()).map(c -> c.delta().content().orElse(""))
        .collect(Collectors.joining());
    assertThat(text.split(" ")).hasSize(6);
    assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
    assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(u -> assertThat(u.completionTokens())
        .hasValue(6));
  }

  @Test
  void streamQuirksAreHandled() {
    emulator.setStreamQuirks("model-a", StreamQuirk.USAGE_ONLY_FINAL_CHUNK, StreamQuirk.PING_EVENTS);
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(hello("emulator/model-a", 4))) {
      List<ChatCompletionChunk> chunks = stream.stream().collect(Collectors.toList());
      ChatCompletionChunk last = chunks.get(chunks.size() - 1);
      assertThat(last.choices()).isEmpty();
      assertThat(last.usage()).isPresent();
    }
    emulator.setStreamQuirks("model-a", StreamQuirk.NO_USAGE);
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(hello("emulator/model-a", 4))) {
      assertThat(stream.stream().allMatch(c -> c.usage().isEmpty())).isTrue();
    }
  }

  @Test
  void completionsAndTheirStream() {
    CompletionParams params = CompletionParams.builder().model("emulator/model-a").prompt(Prompt.of("Once upon a time"))
        .maxTokens(5).build();

    Completion completion = fw.completions().create(params);
    assertThat(completion.object()).isEqualTo("text_completion");
    assertThat(completion.choices().get(0).text().split(" ")).hasSize(5);
    assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.promptTokens()).isEqualTo(4));

    try (StreamResponse<Completion> stream = fw.completions().stream(params)) {
      String text = stream.stream().flatMap(c -> c.choices().stream()).map(Completion.Choice::text)
          .collect(Collectors.joining());
      assertThat(text).isEqualTo(completion.choices().get(0).text());
    }
  }

  @Test
  void asyncCallsAndStreams() throws Exception {
    ChatCompletion completion = fw.async().chat().completions().create(hello(ROUTER, 3)).get(10, TimeUnit.SECONDS);
    assertThat(completion.choices()).hasSize(1);
    Completion text = fw.async().completions().create(CompletionParams.builder().model("emulator/model-a")
        .prompt(Prompt.of("x")).maxTokens(2).build()).get(10, TimeUnit.SECONDS);
    assertThat(text.usage()).isPresent();

    List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();
    try (AsyncStreamResponse<ChatCompletionChunk> stream = fw.async().chat().completions().stream(hello(ROUTER, 3))) {
      CompletableFuture<Void> done = stream.subscribe(chunks::add).completion();
      done.get(10, TimeUnit.SECONDS);
    }
    assertThat(chunks).hasSize(1 + 3 + 1);
  }

  @Test
  void errorsMapToTypedExceptions() {
    Fireworks noRetries = fw.withOptions(o -> o.maxRetries(0));

    assertThatThrownBy(() -> noRetries.chat().completions().create(hello("accounts/emulator/routers/missing", 1)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Model not found");
    emulator.setFaults("model-a", Faults.failing(429));
    assertThatThrownBy(() -> noRetries.chat().completions().create(hello("emulator/model-a", 1)))
        .isInstanceOf(RateLimitException.class);
    emulator.setFaults("model-a", Faults.failing(500));
    assertThatThrownBy(() -> noRetries.chat().completions().create(hello("emulator/model-a", 1)))
        .isInstanceOf(InternalServerException.class);
    assertThatThrownBy(() -> noRetries.chat().completions().create(ChatCompletionParams.builder()
        .model("emulator/model-a").addUserMessage("x").putAdditionalBodyProperty("max_tokens", "ten").build()))
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void retriesRideOutInjectedFailures() {
    emulator.setFaults("model-a", Faults.builder().errorRate(0.5).errorStatus(503).build());
    Fireworks retrying = fw.withOptions(o -> o.retryPolicy(RetryPolicy.builder().maxRetries(8)
        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()));

    for (int i = 0; i < 20; i++) {
      assertThat(retrying.chat().completions().create(hello("emulator/model-a", 1)).choices()).hasSize(1);
    }

    assertThat(emulator.counters().deployment("accounts/emulator/deployments/model-a").faulted()).isPositive();
  }

  @Test
  void stalledAndDroppedStreamsFail() {
    emulator.setFaults("model-a", Faults.builder().stallRate(1).streamFaultAfterChunks(2)
        .stallDuration(Duration.ofSeconds(5)).build());
    Fireworks impatient = fw.withOptions(o -> o.streamIdleTimeout(Duration.ofMillis(200)).maxRetries(0));
    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = impatient.chat().completions().stream(hello("emulator/model-a", 5))) {
        stream.forEach(chunk -> { });
      }
    }).isInstanceOf(FireworksTimeoutException.class);

    emulator.setFaults("model-a", Faults.builder().dropRate(1).streamFaultAfterChunks(2).build());
    List<ChatCompletionChunk> received = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = impatient.chat().completions().stream(hello("emulator/model-a", 5))) {
        stream.forEach(received::add);
      }
    }).isInstanceOfAny(StreamException.class, ConnectionException.class);
    assertThat(received).as("at most the chunks sent before the drop").hasSizeLessThanOrEqualTo(2);
    emulator.setFaults("model-a", Faults.builder().dropRate(1).build());
    assertThatThrownBy(() -> impatient.chat().completions().create(hello("emulator/model-a", 5)))
        .isInstanceOf(FireworksException.class);
  }

  @Test
  @SuppressWarnings("deprecation") // direct routes are deprecated; this checks the emulator serves them
  void directRouteAndItsMigration() {
    Deployment deployment = fw.deployments().get("model-b");
    DirectRouteHandle handle = DirectRouteHandle.from(deployment);
    assertThat(handle.host()).isEqualTo("emulator-model-b.us-arizona-1.direct.fireworks.ai");

    try (Fireworks direct = fw.withOptions(o -> o.endpoints(emulator.directRouteEndpoints(handle.host(),
        "direct-key")))) {
      RawResponse<ChatCompletion> viaDirect = direct.chat().completions().withRawResponse()
          .create(hello("anything", 2));
      assertThat(viaDirect.metadata().deployment()).hasValue("accounts/emulator/deployments/model-b");
    }

    DirectRouteMigration migration = DirectRouteMigration.builder().deployment(deployment)
        .gateway(emulator.endpoints()).build();
    try (Fireworks migrated = Fireworks.create(migration.applyTo(emulator.clientOptions()))) {
      RawResponse<ChatCompletion> viaGateway = migrated.chat().completions().withRawResponse()
          .create(migration.rewrite(hello("anything", 2)));
      assertThat(viaGateway.metadata().deployment()).hasValue("accounts/emulator/deployments/model-b");
    }
  }
}
