package dev.fireworks4j.reliability;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kinds of call the fault matrix exercises: a control-plane read, an inference POST (idempotent, as in
 * the official SDKs), a create with an explicit id (repeatable: a 409 after an ambiguous failure is resolved
 * by GET), a create without an id (never blindly repeated) and a stream; each sync and async.
 */
enum CallShape {
  GET("GET router", false),
  GET_ASYNC("GET router", true),
  CHAT("POST chat", false),
  CHAT_ASYNC("POST chat", true),
  CREATE_WITH_ID("create with id", false),
  CREATE_WITH_ID_ASYNC("create with id", true),
  CREATE("create, no id", false),
  CREATE_ASYNC("create, no id", true),
  STREAM("POST stream", false),
  STREAM_ASYNC("POST stream", true);

  /** How long an async call may take before the matrix calls it a hang. */
  static final long HANG_SECONDS = 20;
  private final String title;
  private final boolean async;

  CallShape(String title, boolean async) {
    this.title = title;
    this.async = async;
  }

  /** The column title. */
  String title() {
    return title + (async ? " (async)" : "");
  }

  boolean isStream() {
    return this == STREAM || this == STREAM_ASYNC;
  }

  boolean isInference() {
    return isStream() || this == CHAT || this == CHAT_ASYNC;
  }

  boolean isCreateWithId() {
    return this == CREATE_WITH_ID || this == CREATE_WITH_ID_ASYNC;
  }

  /** The HTTP method and path, relative to the client's gateway root, of the call's request. */
  String method() {
    return this == GET || this == GET_ASYNC ? "GET" : "POST";
  }

  String path() {
    if (isInference()) {
      return "/inference/v1/chat/completions";
    }
    return this == GET || this == GET_ASYNC ? "/v1/accounts/" + Bodies.ACCOUNT + "/routers/" + Bodies.ROUTER_ID
        : "/v1/accounts/" + Bodies.ACCOUNT + "/routers";
  }

  /** The body a successful answer carries. */
  String successBody() {
    return isStream() ? Bodies.STREAM : isInference() ? Bodies.CHAT : Bodies.ROUTER;
  }

  /** Makes the call on {@code fw} with {@code model} for inference and reports how it ended. */
  Outcome call(Fireworks fw, String model, String expectedText) {
    long start = System.nanoTime();
    AtomicInteger events = new AtomicInteger();
    String result;
    String message = "";
    try {
      result = invoke(fw, model, expectedText, events);
    } catch (Throwable t) {
      Throwable cause = unwrap(t);
      result = Outcome.name(cause);
      message = String.valueOf(cause.getMessage());
    }
    return new Outcome(result, events.get(), (System.nanoTime() - start) / 1_000_000, message);
  }

  private String invoke(Fireworks fw, String model, String expectedText, AtomicInteger events) throws Exception {
    ChatCompletionParams chat = ChatCompletionParams.builder().model(model).addUserMessage("ping").build();
    RouterCreateParams.Builder create = RouterCreateParams.builder().addDeployments("d1");
    switch (this) {
      case GET:
        return router(fw.routers().get(Bodies.ROUTER_ID));
      case GET_ASYNC:
        return router(await(fw.async().routers().get(Bodies.ROUTER_ID)));
      case CHAT:
        return chat(fw.chat().completions().create(chat), expectedText);
      case CHAT_ASYNC:
        return chat(await(fw.async().chat().completions().create(chat)), expectedText);
      case CREATE_WITH_ID:
        return router(fw.routers().create(create.routerId(Bodies.ROUTER_ID).build()));
      case CREATE_WITH_ID_ASYNC:
        return router(await(fw.async().routers().create(create.routerId(Bodies.ROUTER_ID).build())));
      case CREATE:
        return router(fw.routers().create(create.build()));
      case CREATE_ASYNC:
        return router(await(fw.async().routers().create(create.build())));
      case STREAM:
        return streamSync(fw, chat, expectedText, events);
      case STREAM_ASYNC:
        return streamAsync(fw, chat, expectedText, events);
      default:
        throw new AssertionError(this);
    }
  }

  private static String streamSync(Fireworks fw, ChatCompletionParams chat, String expected, AtomicInteger events) {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(chat)) {
      for (ChatCompletionChunk chunk : stream) {
        events.incrementAndGet();
        append(text, chunk);
      }
    }
    return checked(text.toString(), expected);
  }

  private static String streamAsync(Fireworks fw, ChatCompletionParams chat, String expected, AtomicInteger events)
      throws Exception {
    StringBuilder text = new StringBuilder();
    try (AsyncStreamResponse<ChatCompletionChunk> stream = fw.async().chat().completions().stream(chat)) {
      stream.subscribe(chunk -> {
        events.incrementAndGet();
        synchronized (text) {
          append(text, chunk);
        }
      });
      await(stream.completion());
    }
    synchronized (text) {
      return checked(text.toString(), expected);
    }
  }

  private static void append(StringBuilder text, ChatCompletionChunk chunk) {
    chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
  }

  private static String router(Router router) {
    String name = router.name().orElse("");
    return name.equals(Bodies.ROUTER_NAME) ? Outcome.OK : "wrong router \"" + name + "\"";
  }

  private static String chat(ChatCompletion completion, String expected) {
    return checked(completion.choices().get(0).message().text().orElse(""), expected);
  }

  private static String checked(String text, String expected) {
    boolean right = expected == null ? !text.isEmpty() : text.equals(expected);
    return right ? Outcome.OK : "wrong text \"" + text + "\"";
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException("HANG", e);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
