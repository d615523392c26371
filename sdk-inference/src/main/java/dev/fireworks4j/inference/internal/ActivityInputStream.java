package dev.fireworks4j.inference.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports every read to an {@link IdleWatchdog.Watch}. */
final class ActivityInputStream extends FilterInputStream {
  private final IdleWatchdog.Watch watch;

  ActivityInputStream(InputStream in, IdleWatchdog.Watch watch) {
    super(in);
    this.watch = watch;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    watch.touch();
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    watch.touch();
    return read;
  }
}
