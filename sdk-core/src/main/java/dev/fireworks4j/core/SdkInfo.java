package dev.fireworks4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version and default {@code User-Agent}. */
public final class SdkInfo {
  private static final String VERSION = readVersion();

  private SdkInfo() {}

  /** The SDK version, such as {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  /** {@code fireworks4j/<version> Java/<runtime version>}. */
  public static String userAgent() {
    return "fireworks4j/" + VERSION + " Java/" + Runtime.version().feature();
  }

  private static String readVersion() {
    try (InputStream in = SdkInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
