package dev.fireworks4j.core.http;

import dev.fireworks4j.core.error.ConnectionException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Undoes a response's {@code Content-Encoding: gzip}, the one encoding the transports ask for. */
final class ContentEncoding {
  private ContentEncoding() {}

  /** The body as sent before compression. */
  static byte[] decode(byte[] body, Headers headers) {
    if (!isGzip(headers) || body.length == 0) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ConnectionException("could not decompress the gzip response body", true, e);
    }
  }

  /** The body stream, decompressed as it is read. */
  static InputStream decode(InputStream body, Headers headers) {
    return isGzip(headers) ? new LazyGzipInputStream(body) : body;
  }

  private static boolean isGzip(Headers headers) {
    return headers.first("content-encoding").map(value -> value.trim().equalsIgnoreCase("gzip")).orElse(false);
  }
}
