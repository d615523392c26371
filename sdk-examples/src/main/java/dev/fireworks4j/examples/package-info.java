/**
 * One small, runnable example per use case of fireworks4j: router CRUD, waiting for READY, the A/B test, a
 * gradual traffic migration, chat through a router alias (sync, async, streaming), the move off direct routes,
 * client-side routing, and openai-java pointed at a router alias. Each example's {@code main} runs against the
 * Fireworks platform when {@code FIREWORKS_API_KEY} is set and against an embedded emulator otherwise
 * ({@link dev.fireworks4j.examples.ExampleEnvironment}); its logic takes a {@link dev.fireworks4j.Fireworks}
 * client, so that tests run it too.
 */
package dev.fireworks4j.examples;
