package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * An {@link EventReader} on Jackson databind. It builds the event type's deserializer at the first event,
 * not when the client is built: that costs milliseconds in a cold JVM, for an endpoint perhaps never streamed.
 */
final class DatabindEventReader<T> implements EventReader<T> {
  private final Class<T> type;
  private final ObjectReader reader;

  DatabindEventReader(ObjectMapper mapper, Class<T> type) {
    this.type = type;
    this.reader = mapper.reader().without(DeserializationFeature.EAGER_DESERIALIZER_FETCH).forType(type);
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public T read(byte[] data, int offset, int length) throws IOException {
    return reader.readValue(data, offset, length);
  }
}
