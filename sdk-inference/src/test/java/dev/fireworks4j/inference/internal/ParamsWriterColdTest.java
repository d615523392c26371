package dev.fireworks4j.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.ChatMessage;
import dev.fireworks4j.inference.chat.ContentPart;
import dev.fireworks4j.inference.chat.ToolChoice;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * In a class loader of its own, where the SDK starts cold: ordinary chat parameters are written without
 * building the SDK's mapper, and a tree among them builds it.
 */
class ParamsWriterColdTest {
  private static final String MAPPER_HOLDER = Json.class.getName() + "$MapperHolder";

  @Test
  void ordinaryChatParametersAreWrittenWithoutTheMapper() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      String body = loader.call(OrdinaryChat.class);
      assertThat(body).startsWith("{\"stream\":true,\"model\":\"m\",\"temperature\":0.5,");
      assertThat(loader.isLoaded(Json.class.getName() + "$FactoryHolder")).isTrue();
      assertThat(loader.isLoaded(MAPPER_HOLDER)).isFalse();
    }
  }

  @Test
  void anExtraTreeBuildsTheMapper() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      assertThat(loader.call(ChatWithExtra.class)).endsWith(",\"extra\":[1]}");
      assertThat(loader.isLoaded(MAPPER_HOLDER)).isTrue();
    }
  }

  /** Chat parameters with text and image parts, a tool call, a mode of tool choice and sampling settings. */
  public static final class OrdinaryChat implements Callable<byte[]> {
    @Override
    public byte[] call() throws Exception {
      ChatCompletionParams params = ChatCompletionParams.builder().model("m").temperature(0.5).maxTokens(100)
          .addSystemMessage("Answer briefly.").addMessages(ChatMessage.user(ContentPart.text("What is on it?"),
              ContentPart.image("https://example.com/a.png")))
          .toolChoice(ToolChoice.AUTO).putMetadata("trace", "1").build();
      return ParamsWriter.write(params, true);
    }
  }

  /** Chat parameters with an extra field. */
  public static final class ChatWithExtra implements Callable<byte[]> {
    @Override
    public byte[] call() throws Exception {
      ChatCompletionParams params = ChatCompletionParams.builder().model("m").addUserMessage("Hi")
          .putAdditionalBodyProperty("extra", JsonNodeFactory.instance.arrayNode().add(1)).build();
      return ParamsWriter.write(params, false);
    }
  }

  /** Loads the SDK's own classes afresh, child first, and everything else from the test's loader (shared with other cold tests). */
  static final class IsolatedLoader extends URLClassLoader {
    IsolatedLoader() {
      super(new URL[] {location(Json.class), location(ParamsWriter.class),
          location(ParamsWriterColdTest.class)}, ParamsWriterColdTest.class.getClassLoader());
    }

    String call(Class<? extends Callable<byte[]>> task) throws Exception {
      Callable<?> callable = (Callable<?>) loadClass(task.getName()).getConstructor().newInstance();
      return new String((byte[]) callable.call(), StandardCharsets.UTF_8);
    }

    boolean isLoaded(String name) {
      return findLoadedClass(name) != null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.fireworks4j.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }
  }
}
