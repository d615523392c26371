package dev.fireworks4j.inference.reliability;

import java.io.InputStream;
import java.util.Random;

/** Serves bytes in reads of random sizes (1 to 64 bytes), as a network would split them. */
final class SplitInputStream extends InputStream {
  private final byte[] bytes;
  private final Random random;
  private int position;

  SplitInputStream(byte[] bytes, Random random) {
    this.bytes = bytes;
    this.random = random;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= bytes.length) {
      return -1;
    }
    int n = Math.min(Math.min(length, 1 + random.nextInt(64)), bytes.length - position);
    System.arraycopy(bytes, position, buffer, offset, n);
    position += n;
    return n;
  }
}
