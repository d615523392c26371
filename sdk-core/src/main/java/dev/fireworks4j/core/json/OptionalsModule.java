package dev.fireworks4j.core.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import java.lang.reflect.Type;

/**
 * {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong} and {@code OptionalDouble} as Jackson reference
 * types: the type modifier marks them as such, and {@link OptionalSerializer} and {@link OptionalDeserializer}
 * handle them, so that {@code Include.NON_ABSENT} leaves empty optionals out and generic, polymorphic and annotated
 * contents behave as they do outside an optional.
 */
final class OptionalsModule extends Module {
  @Override
  public String getModuleName() {
    return "fireworks4j-optionals";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addTypeModifier(new OptionalTypes());
    context.addSerializers(new OptionalSerializers());
    context.addDeserializers(new OptionalDeserializers());
  }

  /** Turns each optional type into a {@link ReferenceType} to its contents. */
  private static final class OptionalTypes extends TypeModifier {
    @Override
    public JavaType modifyType(JavaType type, Type jdkType, TypeBindings bindings, TypeFactory types) {
      OptionalKind kind = OptionalKind.of(type.getRawClass());
      if (kind == null || type.isReferenceType()) {
        return type;
      }
      return ReferenceType.upgradeFrom(type, kind.contentType(type, types));
    }
  }

  /** Finds the serializer of an optional type. */
  private static final class OptionalSerializers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findReferenceSerializer(SerializationConfig config, ReferenceType type,
        BeanDescription description, TypeSerializer contentTypeSerializer, JsonSerializer<Object> contentSerializer) {
      OptionalKind kind = OptionalKind.of(type.getRawClass());
      if (kind == null) {
        return null;
      }
      boolean staticTyping = contentTypeSerializer == null && config.isEnabled(MapperFeature.USE_STATIC_TYPING);
      return new OptionalSerializer(kind, type, staticTyping, contentTypeSerializer, contentSerializer);
    }
  }

  /** Finds the deserializer of an optional type. */
  private static final class OptionalDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
        BeanDescription description, TypeDeserializer contentTypeDeserializer, JsonDeserializer<?> contentDeserializer) {
      OptionalKind kind = OptionalKind.of(type.getRawClass());
      if (kind == null) {
        return null;
      }
      return new OptionalDeserializer(kind, type, contentTypeDeserializer, contentDeserializer);
    }
  }
}
