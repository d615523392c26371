package dev.fireworks4j.core.error;

/** A parameter was rejected on the client before any request was sent; {@link #field()} names it. */
public class ValidationException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /** Creates the exception for {@code field}; {@code problem} says what is wrong with its value. */
  public ValidationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The name of the rejected field or parameter. */
  public String field() {
    return field;
  }
}
