package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticatingTransportTest {
  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "emulator.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1"})
  void loopbackHosts(String host) {
    assertThat(AuthenticatingTransport.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.fireworks.ai", "10.0.0.1", "192.168.1.1", "[2001:db8::1]", "localhost.evil.com",
      "127.0.0.1.nip.io", "127.0.0.1x", "", "..."})
  void remoteHosts(String host) {
    assertThat(AuthenticatingTransport.isLoopback(host)).isFalse();
  }
}
