package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.error.ConnectionException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https on the HTTP/1.1 transport, against a server with a certificate made for the test by {@code keytool}:
 * the exchange works, the certificate must name the host, and the client offers only HTTP/1.1 by ALPN.
 */
class Http1TransportTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path dir;

  @Test
  void exchangesOverTlsWithACertificateNamingTheHost() throws Exception {
    KeyStore keys = keyStore("ip:127.0.0.1");
    try (ScriptedServer server = tlsServer(keys)) {
      Http1Transport transport = transportTrusting(keys);
      try {
        for (int i = 0; i < 3; i++) {
          SdkHttpResponse response = transport.execute(
              SdkHttpRequest.builder().uri(URI.create(server.url("/secure"))).build());
          assertThat(response.bodyText()).isEqualTo("hello");
        }
        assertThat(server.connections()).isEqualTo(1);
      } finally {
        transport.close();
      }
    }
  }

  @Test
  void refusesACertificateForAnotherHost() throws Exception {
    KeyStore keys = keyStore("dns:elsewhere.example");
    try (ScriptedServer server = tlsServer(keys)) {
      Http1Transport transport = transportTrusting(keys);
      try {
        assertThatThrownBy(() -> transport.execute(SdkHttpRequest.builder().uri(URI.create(server.url("/"))).build()))
            .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.mayHaveReachedServer()).isFalse())
            .hasMessageContaining("could not connect");
        assertThat(server.requests).isEmpty();
      } finally {
        transport.close();
      }
    }
  }

  private ScriptedServer tlsServer(KeyStore keys) throws GeneralSecurityException, IOException {
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    SSLParameters parameters = listener.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"}); // h2 whenever the client offers it
    listener.setSSLParameters(parameters);
    return new ScriptedServer(listener, "https", exchange -> {
      String protocol = ((SSLSocket) exchange.socket()).getApplicationProtocol();
      String body = "http/1.1".equals(protocol) ? "hello" : "alpn:" + protocol;
      exchange.send("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      return true;
    });
  }

  private static Http1Transport transportTrusting(KeyStore keys) throws GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try {
      trusted.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    trusted.setCertificateEntry("server", keys.getCertificate("server"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return new Http1Transport(new ConnectionPool(5000, TimeUnit.SECONDS.toNanos(30), 8,
        ConnectionPool.CHECK_AFTER_NANOS, context::getSocketFactory), null);
  }

  /** A key store with a fresh self-signed certificate whose subject alternative name is {@code san}. */
  private KeyStore keyStore(String san) throws Exception {
    Path file = dir.resolve("server.p12");
    Files.deleteIfExists(file);
    Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=test", "-ext", "san=" + san,
        "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(file.toFile())) {
      keys.load(in, PASSWORD);
    }
    return keys;
  }
}
