package dev.fireworks4j.inference.chat;

import dev.fireworks4j.inference.LogProbs;
import dev.fireworks4j.inference.PerfMetrics;
import dev.fireworks4j.inference.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the chunks of a streamed chat completion into the {@link ChatCompletion} a non-streamed call
 * would have returned: content, reasoning, tool calls with their arguments, finish reasons, log
 * probabilities, usage and performance metrics. Not thread-safe: feed it from the thread that reads the
 * stream.
 *
 * <pre>{@code
 * ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
 * try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(params)) {
 *   for (ChatCompletionChunk chunk : stream) {
 *     accumulator.accumulate(chunk).choices().forEach(c -> c.delta().content().ifPresent(System.out::print));
 *   }
 * }
 * ChatCompletion completion = accumulator.chatCompletion();
 * }</pre>
 */
public final class ChatCompletionAccumulator {
  private final Map<Integer, ChoiceState> choices = new TreeMap<>();
  private int chunks;
  private String id;
  private String model;
  private long created;
  private Usage usage;
  private PerfMetrics perfMetrics;
  private List<Integer> promptTokenIds;

  private ChatCompletionAccumulator() {}

  /** An empty accumulator. */
  public static ChatCompletionAccumulator create() {
    return new ChatCompletionAccumulator();
  }

  /** Adds the next chunk and returns it, so that the call can sit inside a loop or a stream pipeline. */
  public ChatCompletionChunk accumulate(ChatCompletionChunk chunk) {
    Objects.requireNonNull(chunk, "chunk");
    chunks++;
    id = chunk.id != null ? chunk.id : id;
    model = chunk.model != null ? chunk.model : model;
    created = chunk.created != 0 ? chunk.created : created;
    usage = chunk.usage != null ? chunk.usage : usage;
    perfMetrics = chunk.perfMetrics != null ? chunk.perfMetrics : perfMetrics;
    promptTokenIds = chunk.promptTokenIds != null ? chunk.promptTokenIds : promptTokenIds;
    if (chunk.choices != null) {
      for (ChatCompletionChunk.Choice choice : chunk.choices) {
        choices.computeIfAbsent(choice.index, ChoiceState::new).add(choice);
      }
    }
    return chunk;
  }

  /** The completion so far; call it after the stream ended for the whole one. */
  public ChatCompletion chatCompletion() {
    if (chunks == 0) {
      throw new IllegalStateException("no chunk accumulated yet");
    }
    ChatCompletion completion = new ChatCompletion();
    completion.id = id;
    completion.object = "chat.completion";
    completion.created = created;
    completion.model = model;
    completion.usage = usage;
    completion.perfMetrics = perfMetrics;
    completion.promptTokenIds = promptTokenIds;
    List<ChatCompletion.Choice> built = new ArrayList<>(choices.size());
    choices.values().forEach(state -> built.add(state.build()));
    completion.choices = built;
    return completion;
  }

  /** The message of one choice so far. */
  private static final class ChoiceState {
    private final int index;
    private final List<ToolCallState> toolCalls = new ArrayList<>(0);
    private ChatRole role;
    private StringBuilder content;
    private StringBuilder reasoning;
    private String finishReason;
    private List<LogProbs> logprobs;
    private List<Integer> tokenIds;

    ChoiceState(int index) {
      this.index = index;
    }

    void add(ChatCompletionChunk.Choice choice) {
      finishReason = choice.finishReason != null ? choice.finishReason : finishReason;
      if (choice.logprobs != null) {
        logprobs = logprobs == null ? new ArrayList<>() : logprobs;
        logprobs.add(choice.logprobs);
      }
      if (choice.tokenIds != null) {
        tokenIds = tokenIds == null ? new ArrayList<>() : tokenIds;
        tokenIds.addAll(choice.tokenIds);
      }
      ChatCompletionChunk.Delta delta = choice.delta;
      if (delta == null) {
        return;
      }
      role = delta.role != null ? delta.role : role;
      if (delta.content != null) {
        content = (content == null ? new StringBuilder() : content).append(delta.content);
      }
      if (delta.reasoningContent != null) {
        reasoning = (reasoning == null ? new StringBuilder() : reasoning).append(delta.reasoningContent);
      }
      if (delta.toolCalls != null) {
        for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls) {
          toolCall(call).add(call);
        }
      }
    }

    /** The call a piece belongs to: by index when sent, else a new id starts a new call. */
    private ToolCallState toolCall(ChatCompletionChunk.ToolCallDelta piece) {
      if (piece.index != null) {
        for (ToolCallState call : toolCalls) {
          if (piece.index.equals(call.index)) {
            return call;
          }
        }
        return newCall(piece.index);
      }
      ToolCallState last = toolCalls.isEmpty() ? null : toolCalls.get(toolCalls.size() - 1);
      boolean startsNewCall = piece.id != null && (last == null || last.id != null && !last.id.equals(piece.id));
      return last == null || startsNewCall ? newCall(null) : last;
    }

    private ToolCallState newCall(Integer callIndex) {
      ToolCallState call = new ToolCallState(callIndex);
      toolCalls.add(call);
      return call;
    }

    ChatCompletion.Choice build() {
      ChatRole messageRole = role == null ? ChatRole.ASSISTANT : role;
      ChatMessage.Builder message = ChatMessage.builder().role(messageRole);
      if (content != null) {
        message.content(content.toString());
      } else if (!messageRole.equals(ChatRole.ASSISTANT)) {
        message.content("");
      }
      if (reasoning != null) {
        message.reasoningContent(reasoning.toString());
      }
      toolCalls.forEach(call -> message.addToolCall(call.build()));
      ChatCompletion.Choice choice = new ChatCompletion.Choice();
      choice.index = index;
      choice.message = message.build();
      choice.finishReason = finishReason;
      choice.logprobs = logprobs == null ? null : LogProbs.concat(logprobs);
      choice.tokenIds = tokenIds;
      return choice;
    }
  }

  /** One tool call so far. */
  private static final class ToolCallState {
    private final Integer index;
    private final StringBuilder arguments = new StringBuilder();
    private String id;
    private String type;
    private String name;

    ToolCallState(Integer index) {
      this.index = index;
    }

    void add(ChatCompletionChunk.ToolCallDelta piece) {
      id = piece.id != null ? piece.id : id;
      type = piece.type != null ? piece.type : type;
      if (piece.function != null) {
        name = piece.function.name != null ? piece.function.name : name;
        if (piece.function.arguments != null) {
          arguments.append(piece.function.arguments);
        }
      }
    }

    ToolCall build() {
      ToolCall.Builder call = ToolCall.builder()
          .function(ToolCall.FunctionCall.of(name == null ? "" : name, arguments.toString()));
      if (id != null) {
        call.id(id);
      }
      if (type != null) {
        call.type(type);
      }
      return call.build();
    }
  }
}
