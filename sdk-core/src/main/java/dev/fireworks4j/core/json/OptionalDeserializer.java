package dev.fireworks4j.core.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.ReferenceTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;

/**
 * Reads a JDK optional by reading its value with the value's own deserializer. JSON {@code null} and a missing
 * property read as the optional of the value deserializer's null value: empty for most types, a {@code NullNode}
 * for {@code Optional<JsonNode>}.
 */
final class OptionalDeserializer extends ReferenceTypeDeserializer<Object> {
  private static final long serialVersionUID = 1L;

  private final OptionalKind kind;

  OptionalDeserializer(OptionalKind kind, JavaType type, TypeDeserializer valueTypeDeserializer,
      JsonDeserializer<?> valueDeserializer) {
    super(type, null, valueTypeDeserializer, valueDeserializer);
    this.kind = kind;
  }

  @Override
  protected ReferenceTypeDeserializer<Object> withResolved(TypeDeserializer valueTypeDeserializer,
      JsonDeserializer<?> valueDeserializer) {
    return new OptionalDeserializer(kind, _fullType, valueTypeDeserializer, valueDeserializer);
  }

  @Override
  public Object getNullValue(DeserializationContext context) throws JsonMappingException {
    return kind.wrap(_valueDeserializer.getNullValue(context));
  }

  @Override
  public Object referenceValue(Object value) {
    return kind.wrap(value);
  }

  @Override
  public Object updateReference(Object optional, Object value) {
    return kind.wrap(value);
  }

  @Override
  public Object getReferenced(Object optional) {
    return kind.get(optional);
  }
}
