package dev.fireworks4j.core.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The constants of one {@link OpenEnum} subclass, for its {@code of(String)} factory.
 *
 * @param <E> the open enum type
 */
public final class KnownValues<E extends OpenEnum> {
  private final Map<String, E> byValue = new HashMap<>();
  private final BiFunction<String, Boolean, E> factory;

  /** Creates a registry; {@code factory} builds an instance from a value and whether it is known. */
  public KnownValues(BiFunction<String, Boolean, E> factory) {
    this.factory = factory;
  }

  /** Declares a constant and returns it. */
  public E known(String value) {
    E constant = factory.apply(value, true);
    byValue.put(value, constant);
    return constant;
  }

  /** The constant for {@code value}, or a new unknown instance that keeps it. */
  public E of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("an enum value must not be null");
    }
    E constant = byValue.get(value);
    return constant != null ? constant : factory.apply(value, false);
  }

  /** Every declared constant. */
  public List<E> values() {
    return List.copyOf(byValue.values());
  }
}
