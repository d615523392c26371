package dev.fireworks4j.benchmarks.compare;

/** One HTTP client in the side-by-side comparison, pointed at the {@link FixedResponseServer}. */
interface ClientUnderTest extends AutoCloseable {
  /** The name printed in the tables. */
  String name();

  /** Sends one non-streaming chat completion and checks the answer; throws if it is wrong. */
  void complete() throws Exception;

  /** Sends one streaming chat completion, reads it to the end and returns the number of content chunks. */
  int stream() throws Exception;

  /** The nanoTime at which the last {@link #stream()} call saw its first chunk. */
  long firstChunkNanos();

  @Override
  void close();
}
