package dev.fireworks4j.core.error;

/** The client is configured in a way that cannot work, for example a missing API key or an insecure URL. */
public class ConfigurationException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says what is wrong and how to fix it. */
  public ConfigurationException(String message) {
    super(message);
  }
}
