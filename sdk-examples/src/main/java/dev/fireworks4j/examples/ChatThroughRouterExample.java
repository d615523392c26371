package dev.fireworks4j.examples;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Chat completions through a router alias ({@code accounts/<account>/routers/<id>} as the model): a blocking
 * call, a non-blocking one, and a stream read as it arrives, both blocking and asynchronously.
 *
 * <p>Run: {@code ChatThroughRouterExample [router-id]}.
 */
public final class ChatThroughRouterExample {
  private ChatThroughRouterExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.deployment("model-a", 1).router("my-router", "model-a"))) {
      Fireworks fw = env.fireworks();
      RouterName router = RouterName.of(fw.accountId(), args.length == 1 ? args[0] : "my-router");
      System.out.println("sync:   " + sync(fw, router));
      System.out.println("async:  " + async(fw, router).join());
      System.out.print("stream: ");
      stream(fw, router, System.out::print);
      System.out.println();
      System.out.print("async stream: ");
      streamAsync(fw, router, System.out::print).join();
      System.out.println();
    }
  }

  /** Asks the router a question and returns the answer, blocking until it arrives. */
  public static String sync(Fireworks fw, RouterName router) {
    ChatCompletion completion = fw.chat().completions().create(question(router));
    return completion.choices().get(0).message().text().orElse("");
  }

  /** Asks without blocking: the future completes with the answer. */
  public static CompletableFuture<String> async(Fireworks fw, RouterName router) {
    return fw.async().chat().completions().create(question(router))
        .thenApply(completion -> completion.choices().get(0).message().text().orElse(""));
  }

  /** Streams the answer, passing each piece of text to {@code onText} as it arrives; returns the whole answer. */
  public static String stream(Fireworks fw, RouterName router, Consumer<String> onText) {
    StringBuilder answer = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(question(router))) {
      for (ChatCompletionChunk chunk : stream) {
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          choice.delta().content().ifPresent(text -> {
            answer.append(text);
            onText.accept(text);
          });
        }
      }
    }
    return answer.toString();
  }

  /**
   * Streams the answer without blocking: {@code onText} runs on the SDK's stream-reader thread, and the future
   * completes with the whole answer when the stream ends.
   */
  public static CompletableFuture<String> streamAsync(Fireworks fw, RouterName router, Consumer<String> onText) {
    StringBuilder answer = new StringBuilder();
    AsyncStreamResponse<ChatCompletionChunk> stream = fw.async().chat().completions().stream(question(router));
    stream.subscribe(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text -> {
      answer.append(text);
      onText.accept(text);
    })));
    return stream.completion().thenApply(done -> answer.toString());
  }

  private static ChatCompletionParams question(RouterName router) {
    return ChatCompletionParams.builder()
        .model(router)
        .addSystemMessage("Answer in one sentence.")
        .addUserMessage("What does a router alias give an application?")
        .maxTokens(48)
        .build();
  }
}
