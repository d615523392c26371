package dev.fireworks4j.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client works on its selector thread, so async results must be completed somewhere else. */
class JdkHttpTransportAsyncTest {
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(get(anyUrl()).willReturn(okJson("{}")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aCallbackThatBlocksDoesNotStallTheClientsOtherExchanges() throws Exception {
    JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5), null);
    try {
      CountDownLatch secondArrived = new CountDownLatch(1);
      // the first callback waits for the second exchange: on the client's selector thread it would wait forever
      CompletableFuture<Boolean> first = transport.executeAsync(request("/first"))
          .thenApply(response -> await(secondArrived));
      transport.executeAsync(request("/second")).get(5, TimeUnit.SECONDS);
      secondArrived.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      transport.close();
    }
  }

  @Test
  void aGivenExecutorCompletesAsyncCalls() {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting = task -> {
      tasks.incrementAndGet();
      new Thread(task).start();
    };
    JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5), counting);
    try {
      assertThat(transport.executeAsync(request("/a")).join().status()).isEqualTo(200);
      assertThat(transport.streamAsync(request("/b")).join().status()).isEqualTo(200);

      assertThat(tasks).hasValue(2);
    } finally {
      transport.close();
    }
  }

  @Test
  void synchronousCallsNeedNoCompletionThread() {
    AtomicInteger tasks = new AtomicInteger();
    JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5), task -> {
      tasks.incrementAndGet();
      task.run();
    });
    try {
      assertThat(transport.execute(request("/sync")).status()).isEqualTo(200);

      assertThat(tasks).hasValue(0);
    } finally {
      transport.close();
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static SdkHttpRequest request(String path) {
    return SdkHttpRequest.builder().method("GET").uri(URI.create(server.baseUrl() + path)).build();
  }
}
