package dev.fireworks4j.core.json;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.ReferenceTypeSerializer;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.util.NameTransformer;

/**
 * Writes a JDK optional as its value, or as {@code null} when empty. Jackson's reference-type support does the
 * rest: an empty optional counts as absent for {@code Include.NON_ABSENT}, and the value's own serializer, type
 * information and inclusion rules apply to what is inside.
 */
final class OptionalSerializer extends ReferenceTypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private final OptionalKind kind;

  OptionalSerializer(OptionalKind kind, ReferenceType type, boolean staticTyping, TypeSerializer valueTypeSerializer,
      JsonSerializer<Object> valueSerializer) {
    super(type, staticTyping, valueTypeSerializer, valueSerializer);
    this.kind = kind;
  }

  private OptionalSerializer(OptionalSerializer base, BeanProperty property, TypeSerializer valueTypeSerializer,
      JsonSerializer<?> valueSerializer, NameTransformer unwrapper, Object suppressableValue, boolean suppressNulls) {
    super(base, property, valueTypeSerializer, valueSerializer, unwrapper, suppressableValue, suppressNulls);
    this.kind = base.kind;
  }

  @Override
  protected ReferenceTypeSerializer<Object> withResolved(BeanProperty property, TypeSerializer valueTypeSerializer,
      JsonSerializer<?> valueSerializer, NameTransformer unwrapper) {
    return new OptionalSerializer(this, property, valueTypeSerializer, valueSerializer, unwrapper,
        _suppressableValue, _suppressNulls);
  }

  @Override
  public ReferenceTypeSerializer<Object> withContentInclusion(Object suppressableValue, boolean suppressNulls) {
    return new OptionalSerializer(this, _property, _valueTypeSerializer, _valueSerializer, _unwrapper,
        suppressableValue, suppressNulls);
  }

  @Override
  protected boolean _isValuePresent(Object optional) {
    return kind.get(optional) != null;
  }

  @Override
  protected Object _getReferenced(Object optional) {
    return kind.get(optional);
  }

  @Override
  protected Object _getReferencedIfPresent(Object optional) {
    return kind.get(optional);
  }
}
