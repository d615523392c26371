package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JdkHttpTransportCloseTest {
  /**
   * On JDK 21+ {@code HttpClient.close()} waits for every exchange to end; a server that stalls a body the caller
   * never closed made it wait forever. (On JDK 17 the client cannot be closed and this returns at once anyway.)
   */
  @Test
  void closeReturnsPromptlyWhileAResponseBodyStalls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      threads.execute(() -> stallAfterOneChunk(listener, release));
      JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5), null);
      StreamingHttpResponse response = transport.stream(SdkHttpRequest.builder()
          .uri(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/stream")).build());
      assertThat(response.status()).isEqualTo(200);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(transport::close, threads);

      assertThat(closing).succeedsWithin(Duration.ofSeconds(10));
      response.close();
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static void stallAfterOneChunk(ServerSocket listener, CountDownLatch release) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) { // read up to the blank line ending the request head
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
      }
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      release.await(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // the test ended
    }
  }
}
