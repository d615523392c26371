package dev.fireworks4j.testkit.junit;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.testkit.EmulatorConfig;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link EmulatedFireworks}: one emulator per test class (nested classes share
 * their outer class's), closed after the class. It resolves parameters of type {@link FireworksEmulator},
 * {@link ClientOptions} (the emulator's {@link FireworksEmulator#clientOptions()}) and {@link Fireworks} (one
 * client per emulator, built from those options on first use and closed with the emulator).
 *
 * <p>Register it with {@code @EmulatedFireworks} on the class, or programmatically for a configuration built in
 * code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FireworksEmulatorExtension FIREWORKS =
 *     FireworksEmulatorExtension.of(EmulatorConfig.builder().deployment("model-a", 2).build());
 * }</pre>
 */
public final class FireworksEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FireworksEmulatorExtension.class);
  private static final String EMULATOR = "emulator";
  private static final String CLIENT = "client";

  private final EmulatorConfig config;

  /** The extension configured by the test class's {@link EmulatedFireworks} annotation. */
  public FireworksEmulatorExtension() {
    this.config = null;
  }

  private FireworksEmulatorExtension(EmulatorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An extension that starts emulators with {@code config}. */
  public static FireworksEmulatorExtension of(EmulatorConfig config) {
    return new FireworksEmulatorExtension(config);
  }

  /** Starts the class's emulator, unless an enclosing class's is running. */
  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(EMULATOR, FireworksEmulator.class) != null) {
      return;
    }
    store.put(EMULATOR, FireworksEmulator.start(config != null ? config : configOf(context)));
    store.put(owner(context), Boolean.TRUE);
  }

  /** Stops the emulator this class started. */
  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.remove(owner(context), Boolean.class) != null) {
      Fireworks client = store.remove(CLIENT, Fireworks.class);
      if (client != null) {
        client.close();
      }
      FireworksEmulator emulator = store.remove(EMULATOR, FireworksEmulator.class);
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /** Resets the emulator when the annotation asks for it. */
  @Override
  public void beforeEach(ExtensionContext context) {
    boolean reset = annotation(context).map(EmulatedFireworks::resetBeforeEach).orElse(false);
    if (reset) {
      emulator(context).reset();
    }
  }

  /** Whether the parameter is a {@link FireworksEmulator}, {@link ClientOptions} or {@link Fireworks}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FireworksEmulator.class || type == ClientOptions.class || type == Fireworks.class;
  }

  /** The emulator, its client options, or the client configured for it. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    FireworksEmulator emulator = emulator(context);
    if (type == FireworksEmulator.class) {
      return emulator;
    }
    if (type == ClientOptions.class) {
      return emulator.clientOptions();
    }
    return client(context, emulator);
  }

  /** The emulator of the current test class. */
  public static FireworksEmulator emulator(ExtensionContext context) {
    FireworksEmulator emulator = context.getStore(NAMESPACE).get(EMULATOR, FireworksEmulator.class);
    if (emulator == null) {
      throw new ExtensionConfigurationException("no Fireworks emulator is running for " + context.getDisplayName()
          + "; parameters are resolved only from @BeforeAll on");
    }
    return emulator;
  }

  /** The client of the emulator, stored beside it in the store of the context that started it. */
  private static Fireworks client(ExtensionContext context, FireworksEmulator emulator) {
    ExtensionContext owner = context;
    while (owner.getStore(NAMESPACE).get(owner(owner)) == null && owner.getParent().isPresent()) {
      owner = owner.getParent().get();
    }
    ExtensionContext.Store store = owner.getStore(NAMESPACE);
    // get-then-put under a lock rather than the Store's compute methods, whose names differ between JUnit 5 and 6
    synchronized (emulator) {
      Fireworks client = store.get(CLIENT, Fireworks.class);
      if (client == null) {
        client = Fireworks.create(emulator.clientOptions());
        store.put(CLIENT, client);
      }
      return client;
    }
  }

  private static String owner(ExtensionContext context) {
    return "owner:" + context.getUniqueId();
  }

  private static Optional<EmulatedFireworks> annotation(ExtensionContext context) {
    return context.getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, EmulatedFireworks.class));
  }

  private static EmulatorConfig configOf(ExtensionContext context) {
    Optional<EmulatedFireworks> found = annotation(context);
    if (found.isEmpty()) {
      return EmulatorConfig.defaults();
    }
    EmulatedFireworks a = found.get();
    EmulatorConfig.Builder builder = EmulatorConfig.builder();
    if (!a.config().isEmpty()) {
      builder.applyJson(resource(context, a.config()));
    }
    if (!a.account().equals(EmulatorConfig.DEFAULT_ACCOUNT)) {
      builder.accountId(a.account());
    }
    if (!a.apiKey().equals(EmulatorConfig.DEFAULT_API_KEY)) {
      builder.apiKey(a.apiKey());
    }
    if (a.seed() != EmulatorConfig.DEFAULT_SEED) {
      builder.seed(a.seed());
    }
    if (a.lifecycleDelayMillis() != 0) {
      builder.lifecycleDelay(Duration.ofMillis(a.lifecycleDelayMillis()));
    }
    return builder.build();
  }

  private static String resource(ExtensionContext context, String name) {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new ExtensionConfigurationException("@EmulatedFireworks(config = \"" + name
            + "\"): no such classpath resource");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
