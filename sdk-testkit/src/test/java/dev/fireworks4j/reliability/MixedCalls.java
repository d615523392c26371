package dev.fireworks4j.reliability;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls of the load and leak runs: sync and async chat, sync and async streams, control-plane reads,
 * each checked against the answer the emulator gives for its model (the emulator's text is a function of
 * model, prompt and seed). Optionally cancels async calls and closes streams after their first event.
 */
final class MixedCalls {
  /** What a call is. */
  enum Kind { CHAT, CHAT_ASYNC, STREAM, STREAM_ASYNC, ROUTER_GET }

  /** How a call ended: right content, a typed SDK error, cancelled or closed early by the caller, or anything else. */
  enum Result { OK, TYPED_ERROR, CANCELLED, UNEXPECTED }

  /** How long a call may take before the run calls it a hang. */
  static final long HANG_SECONDS = 30;
  private final Fireworks fw;
  private final String routerId;
  private final Map<String, String> answers;

  /** Calls on {@code fw}; {@code answers} maps each model to the text the emulator answers it with. */
  MixedCalls(Fireworks fw, String routerId, Map<String, String> answers) {
    this.fw = fw;
    this.routerId = routerId;
    this.answers = answers;
  }

  static ChatCompletionParams params(String model) {
    return ChatCompletionParams.builder().model(model).addUserMessage("How do routers split traffic?")
        .maxTokens(12).seed(7).build();
  }

  /** The text the emulator answers {@code model} with, read once with a whole response. */
  static String answer(Fireworks fw, String model) {
    return text(fw.chat().completions().create(params(model)));
  }

  /** Makes one call; {@code abandon} cancels an async call or closes a stream after its first event. */
  Result call(Kind kind, String model, boolean abandon, StringBuilder problem) {
    try {
      return run(kind, model, abandon, problem);
    } catch (CancellationException e) {
      return abandon ? Result.CANCELLED : unexpected(problem, e);
    } catch (Throwable t) {
      Throwable cause = unwrap(t);
      if (cause instanceof CancellationException && abandon) {
        return Result.CANCELLED;
      }
      return cause instanceof FireworksException ? Result.TYPED_ERROR : unexpected(problem, cause);
    }
  }

  private Result run(Kind kind, String model, boolean abandon, StringBuilder problem) throws Exception {
    String expected = answers.get(model);
    switch (kind) {
      case CHAT:
        return check(text(fw.chat().completions().create(params(model))), expected, problem);
      case CHAT_ASYNC: {
        CompletableFuture<ChatCompletion> future = fw.async().chat().completions().create(params(model));
        if (abandon) {
          future.cancel(true);
        }
        return check(text(await(future)), expected, problem);
      }
      case STREAM:
        return stream(model, abandon, expected, problem);
      case STREAM_ASYNC:
        return streamAsync(model, abandon, expected, problem);
      case ROUTER_GET: {
        String name = fw.routers().get(routerId).name().orElse("");
        return check(name.substring(name.lastIndexOf('/') + 1), routerId, problem);
      }
      default:
        throw new AssertionError(kind);
    }
  }

  private Result stream(String model, boolean abandon, String expected, StringBuilder problem) {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(params(model))) {
      Iterator<ChatCompletionChunk> chunks = stream.iterator();
      while (chunks.hasNext()) {
        append(text, chunks.next());
        if (abandon) {
          return Result.CANCELLED;
        }
      }
    }
    return check(text.toString(), expected, problem);
  }

  private Result streamAsync(String model, boolean abandon, String expected, StringBuilder problem)
      throws Exception {
    StringBuilder text = new StringBuilder();
    CompletableFuture<Void> firstEvent = new CompletableFuture<>();
    try (AsyncStreamResponse<ChatCompletionChunk> stream = fw.async().chat().completions().stream(params(model))) {
      stream.subscribe(chunk -> {
        synchronized (text) {
          append(text, chunk);
        }
        firstEvent.complete(null);
      });
      if (abandon) {
        CompletableFuture.anyOf(firstEvent, stream.completion()).get(HANG_SECONDS, TimeUnit.SECONDS);
        return Result.CANCELLED;
      }
      await(stream.completion());
    }
    synchronized (text) {
      return check(text.toString(), expected, problem);
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no outcome within " + HANG_SECONDS + " s: a hang", e);
    }
  }

  private static String text(ChatCompletion completion) {
    return completion.choices().get(0).message().text().orElse("");
  }

  private static void append(StringBuilder text, ChatCompletionChunk chunk) {
    chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
  }

  private static Result check(String actual, String expected, StringBuilder problem) {
    if (actual.equals(expected)) {
      return Result.OK;
    }
    problem.append("wrong content: \"").append(actual).append("\" instead of \"").append(expected).append('"');
    return Result.UNEXPECTED;
  }

  private static Result unexpected(StringBuilder problem, Throwable error) {
    problem.append(error);
    return Result.UNEXPECTED;
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
