package dev.fireworks4j.examples.fwctl;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.inference.chat.ChatCompletionAccumulator;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code fwctl chat --model <router> "prompt"}: streams the answer to standard output as it arrives, or with
 * {@code -o json} prints the whole completion, assembled from the stream, as JSON.
 */
final class ChatCommand {
  private ChatCommand() {}

  /** Runs {@code chat ...}. */
  static void run(CommandLine line, Fireworks fw, Printer printer, PrintStream out) throws UsageException {
    String model = line.required("model");
    ChatCompletionParams.Builder params = ChatCompletionParams.builder().model(model);
    line.integer("max-tokens", 1).ifPresent(params::maxTokens);
    List<String> words = line.words();
    if (words.size() < 2) {
      throw new UsageException("'chat' needs a prompt: fwctl chat --model <router> \"prompt\"");
    }
    line.rejectUnread("chat");
    params.addUserMessage(String.join(" ", words.subList(1, words.size())));
    ChatCompletionAccumulator whole = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = fw.chat().completions().stream(params.build())) {
      for (ChatCompletionChunk chunk : stream) {
        whole.accumulate(chunk);
        if (!printer.json()) {
          chunk.choices().forEach(choice -> choice.delta().content().ifPresent(out::print));
          out.flush();
        }
      }
    }
    if (printer.json()) {
      printer.write(whole.chatCompletion());
    } else {
      out.println();
    }
  }
}
