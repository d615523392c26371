package dev.fireworks4j.testkit.junit;

import dev.fireworks4j.testkit.EmulatorConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one embedded Fireworks emulator: it starts before the class's first test and stops
 * after its last, and test constructors and methods ({@code @BeforeAll}, {@code @BeforeEach}, {@code @Test}, …)
 * can take it as a parameter, together with client options and a {@code Fireworks} client configured for it:
 *
 * <pre>{@code
 * @EmulatedFireworks(config = "emulator.json")
 * class MyTest {
 *   @Test
 *   void routes(FireworksEmulator emulator, Fireworks fw) { ... }
 * }
 * }</pre>
 *
 * <p>For a configuration built in code, register {@link FireworksEmulatorExtension#of} with
 * {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FireworksEmulatorExtension.class)
public @interface EmulatedFireworks {
  /**
   * A classpath resource holding a JSON configuration ({@link EmulatorConfig#fromJson}); the other attributes
   * override it when they differ from their defaults.
   *
   * @return the resource name, or empty for none
   */
  String config() default "";

  /**
   * The primary account.
   *
   * @return the account id
   */
  String account() default EmulatorConfig.DEFAULT_ACCOUNT;

  /**
   * The primary account's API key.
   *
   * @return the API key
   */
  String apiKey() default EmulatorConfig.DEFAULT_API_KEY;

  /**
   * The seed of every random choice.
   *
   * @return the seed
   */
  long seed() default EmulatorConfig.DEFAULT_SEED;

  /**
   * How long CREATING, UPDATING and DELETING last, in milliseconds.
   *
   * @return the delay
   */
  long lifecycleDelayMillis() default 0;

  /**
   * Whether to {@linkplain dev.fireworks4j.testkit.FireworksEmulator#reset() reset} the emulator before each test,
   * so that tests cannot see each other's resources and counters.
   *
   * @return true to reset before each test
   */
  boolean resetBeforeEach() default false;
}
