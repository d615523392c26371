package dev.fireworks4j.core.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JDK's optional types, seen as Jackson reference types: what each one holds and how to wrap and unwrap it.
 * The primitive variants hold their boxed type, so that JSON {@code null} and {@code ""} read as empty, as they do
 * for {@code Optional<Integer>}.
 */
enum OptionalKind {
  /** {@code Optional<T>}, holding its type argument. */
  OPTIONAL(Optional.class) {
    @Override
    JavaType contentType(JavaType optionalType, TypeFactory types) {
      return optionalType.containedTypeOrUnknown(0);
    }

    @Override
    Object get(Object optional) {
      return ((Optional<?>) optional).orElse(null);
    }

    @Override
    Object wrap(Object value) {
      return Optional.ofNullable(value);
    }
  },
  /** {@code OptionalInt}, holding an {@code Integer}. */
  INT(OptionalInt.class) {
    @Override
    JavaType contentType(JavaType optionalType, TypeFactory types) {
      return types.constructType(Integer.class);
    }

    @Override
    Object get(Object optional) {
      OptionalInt value = (OptionalInt) optional;
      return value.isPresent() ? Integer.valueOf(value.getAsInt()) : null;
    }

    @Override
    Object wrap(Object value) {
      return value == null ? OptionalInt.empty() : OptionalInt.of((Integer) value);
    }
  },
  /** {@code OptionalLong}, holding a {@code Long}. */
  LONG(OptionalLong.class) {
    @Override
    JavaType contentType(JavaType optionalType, TypeFactory types) {
      return types.constructType(Long.class);
    }

    @Override
    Object get(Object optional) {
      OptionalLong value = (OptionalLong) optional;
      return value.isPresent() ? Long.valueOf(value.getAsLong()) : null;
    }

    @Override
    Object wrap(Object value) {
      return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }
  },
  /** {@code OptionalDouble}, holding a {@code Double}. */
  DOUBLE(OptionalDouble.class) {
    @Override
    JavaType contentType(JavaType optionalType, TypeFactory types) {
      return types.constructType(Double.class);
    }

    @Override
    Object get(Object optional) {
      OptionalDouble value = (OptionalDouble) optional;
      return value.isPresent() ? Double.valueOf(value.getAsDouble()) : null;
    }

    @Override
    Object wrap(Object value) {
      return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
    }
  };

  private final Class<?> type;

  OptionalKind(Class<?> type) {
    this.type = type;
  }

  /** The kind of {@code rawClass}, or {@code null} when it is not one of the JDK's optional types. */
  static OptionalKind of(Class<?> rawClass) {
    for (OptionalKind kind : values()) {
      if (kind.type == rawClass) {
        return kind;
      }
    }
    return null;
  }

  /** The type of the value inside {@code optionalType}. */
  abstract JavaType contentType(JavaType optionalType, TypeFactory types);

  /** The value inside {@code optional}, or {@code null} when it is empty. */
  abstract Object get(Object optional);

  /** An optional of this kind holding {@code value}, empty when {@code value} is {@code null}. */
  abstract Object wrap(Object value);
}
