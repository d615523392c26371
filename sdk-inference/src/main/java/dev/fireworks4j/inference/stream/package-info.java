/**
 * Streamed responses: {@link dev.fireworks4j.inference.stream.StreamResponse}, a blocking iterator over
 * the events of a server-sent-events stream, and {@link dev.fireworks4j.inference.stream.AsyncStreamResponse},
 * which delivers them to a handler on an executor.
 *
 * <p>Both end at {@code data: [DONE]} (the connection is released even when the server keeps it open),
 * skip comments and {@code ping} events, turn an error object sent inside the stream into a
 * {@link dev.fireworks4j.core.error.StreamException}, and fail with a
 * {@link dev.fireworks4j.core.error.FireworksTimeoutException} when the server sends nothing for the
 * client's {@code streamIdleTimeout}. A stream is never retried once it was returned: retries happen only
 * before the first byte. Close a stream you stop reading early; closing releases its connection at once.
 */
package dev.fireworks4j.inference.stream;
