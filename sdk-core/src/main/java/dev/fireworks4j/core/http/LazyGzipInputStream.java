package dev.fireworks4j.core.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Decompresses on first read, so that building a streaming response never blocks on the gzip header. */
final class LazyGzipInputStream extends FilterInputStream {
  private final InputStream raw;
  private boolean opened;

  LazyGzipInputStream(InputStream raw) {
    super(raw);
    this.raw = raw;
  }

  private InputStream delegate() throws IOException {
    if (!opened) {
      in = new GZIPInputStream(raw);
      opened = true;
    }
    return in;
  }

  @Override
  public int read() throws IOException {
    return delegate().read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return delegate().read(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
