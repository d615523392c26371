package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.core.error.ConnectionException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How transport failures become SDK exceptions. */
class JdkHttpTransportFailureTest {
  private static final SdkHttpRequest REQUEST =
      SdkHttpRequest.builder().method("GET").uri(URI.create("http://127.0.0.1:1/v1/x")).build();

  @Test
  void aRefusedConnectionWithoutMessageSaysSoWithoutNull() {
    // java.net.http reports a refused connection as a ConnectException whose message is null
    RuntimeException mapped = JdkHttpTransport.mapFailure(new ConnectException(), REQUEST);

    assertThat(mapped).isInstanceOf(ConnectionException.class)
        .hasMessage(REQUEST + ": could not connect");
  }

  @Test
  void aConnectExceptionMessageIsKept() {
    RuntimeException mapped = JdkHttpTransport.mapFailure(new ConnectException("Connection refused"), REQUEST);

    assertThat(mapped).hasMessage(REQUEST + ": could not connect (Connection refused)");
  }
}
