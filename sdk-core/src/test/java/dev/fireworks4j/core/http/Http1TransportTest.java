package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 transport on the wire: requests as written, responses as framed, connections as reused. */
class Http1TransportTest {
  private static final String OK_HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello";

  private final Http1Transport transport = Http1Transport.create(Duration.ofSeconds(5), null);

  @AfterEach
  void close() {
    transport.close();
  }

  private static SdkHttpRequest.Builder get(ScriptedServer server, String path) {
    return SdkHttpRequest.builder().uri(URI.create(server.url(path)));
  }

  @Test
  void writesTheRequestLineHostHeadersCredentialAndBody() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
      SdkHttpResponse response = transport.execute(get(server, "/v1/things?x=a%20b&y=2")
          .method("POST")
          .header("X-Custom", "one")
          .header("Content-Length", "999") // the transport frames the body itself
          .header("Connection", "close")
          .credential(ApiKey.of("fw_secret_key"))
          .body(body)
          .build());

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("hello");
      assertThat(response.headers().first("content-type")).contains("text/plain");
      ScriptedServer.Request request = server.requests.take();
      assertThat(request.line()).isEqualTo("POST /v1/things?x=a%20b&y=2 HTTP/1.1");
      assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + URI.create(server.url("/")).getPort());
      assertThat(request.header("X-Custom")).isEqualTo("one");
      assertThat(request.header("Authorization")).isEqualTo("Bearer fw_secret_key");
      assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
      assertThat(request.header("Content-Length")).isEqualTo("7");
      assertThat(request.header("Connection")).isNull();
      assertThat(request.body()).isEqualTo(body);
    }
  }

  @Test
  void sendsAnEmptyLengthForAPostWithoutBodyAndNoneForAGet() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      transport.execute(get(server, "").method("POST").build());
      transport.execute(get(server, "").build());

      ScriptedServer.Request post = server.requests.take();
      ScriptedServer.Request plainGet = server.requests.take();
      assertThat(post.line()).isEqualTo("POST / HTTP/1.1");
      assertThat(post.header("Content-Length")).isEqualTo("0");
      assertThat(plainGet.header("Content-Length")).isNull();
    }
  }

  @Test
  void reusesAKeptAliveConnection() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      for (int i = 0; i < 5; i++) {
        assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("hello");
      }
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void readsChunkedBodiesWithExtensionsAndTrailers() throws Exception {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n";
    try (ScriptedServer server = ScriptedServer.answering(chunked)) {
      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("hello 0123456789");
      try (StreamingHttpResponse stream = transport.stream(get(server, "/").build())) {
        assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello 0123456789");
      }
      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("hello 0123456789");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void readsABodyThatEndsWithTheConnectionAndDoesNotReuseIt() throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send("HTTP/1.1 200 OK\r\n\r\nuntil close");
      return false;
    })) {
      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("until close");
      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("until close");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void doesNotReuseAConnectionTheServerClosesOrAnHttp10One() throws Exception {
    for (String head : new String[] {"HTTP/1.1 200 OK\r\nConnection: close\r\n", "HTTP/1.0 200 OK\r\n"}) {
      try (ScriptedServer server = ScriptedServer.answering(head + "Content-Length: 2\r\n\r\nok")) {
        transport.execute(get(server, "/").build());
        transport.execute(get(server, "/").build());
        assertThat(server.connections()).as(head).isEqualTo(2);
      }
    }
  }

  @Test
  void skipsInterimResponsesAndReadsNoBodyWhereThereIsNone() throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      String line = exchange.request().line();
      if (line.startsWith("HEAD")) {
        exchange.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
      } else if (line.contains("/empty")) {
        exchange.send("HTTP/1.1 204 No Content\r\n\r\n");
      } else {
        exchange.send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + OK_HELLO);
      }
      return true;
    })) {
      SdkHttpResponse interim = transport.execute(get(server, "/").build());
      assertThat(interim.status()).isEqualTo(200);
      assertThat(interim.bodyText()).isEqualTo("hello");
      assertThat(interim.headers().contains("Link")).isFalse();
      assertThat(transport.execute(get(server, "/").method("HEAD").build()).body()).isEmpty();
      assertThat(transport.execute(get(server, "/empty").method("DELETE").build()).status()).isEqualTo(204);
      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("hello");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void acceptsBareLineFeedsAndRepeatedHeaders() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(
        "HTTP/1.1 404 Not Found\nX-Multi: a\nx-multi:b  \nContent-Length: 2\n\n{}")) {
      SdkHttpResponse response = transport.execute(get(server, "/").build());

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.headers().all("X-MULTI")).containsExactly("a", "b");
      assertThat(response.bodyText()).isEqualTo("{}");
    }
  }

  @Test
  void decodesGzipBodies() throws Exception {
    byte[] text = "compressed hello".repeat(100).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(text);
    }
    byte[] response = concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + zipped.size()
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), zipped.toByteArray());
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send(response);
      return true;
    })) {
      assertThat(transport.execute(get(server, "/").build()).body()).isEqualTo(text);
      try (StreamingHttpResponse stream = transport.stream(get(server, "/").build())) {
        assertThat(stream.body().readAllBytes()).isEqualTo(text);
      }
    }
  }

  @Test
  void readsLargeBodiesWholeAndStreamed() throws Exception {
    byte[] big = new byte[3_000_000];
    Arrays.fill(big, (byte) 'x');
    big[big.length - 1] = 'y';
    byte[] fixed = concat(("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), big);
    byte[] chunked = concat("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2dc6c0\r\n".getBytes(StandardCharsets.US_ASCII),
        concat(big, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send(exchange.request().line().contains("chunked") ? chunked : fixed);
      return true;
    })) {
      assertThat(transport.execute(get(server, "/fixed").build()).body()).isEqualTo(big);
      assertThat(transport.execute(get(server, "/chunked").build()).body()).isEqualTo(big);
      try (StreamingHttpResponse stream = transport.stream(get(server, "/chunked").build())) {
        assertThat(stream.body().readAllBytes()).isEqualTo(big);
      }
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void refusesAHeaderThatWouldBreakTheFramingWithoutShowingItsValue() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      assertThatThrownBy(() -> transport.execute(get(server, "/").header("X-Evil", "fw_key\r\nX-Injected: 1").build()))
          .isInstanceOf(FireworksException.class)
          .hasMessageContaining("X-Evil")
          .hasMessageNotContaining("fw_key");
      assertThatThrownBy(() -> transport.execute(get(server, "/").header("Bad Name", "v").build()))
          .isInstanceOf(FireworksException.class)
          .hasMessageContaining("invalid header name");

      assertThat(transport.execute(get(server, "/").build()).bodyText()).isEqualTo("hello");
      assertThat(server.requests).hasSize(1); // the refused requests sent nothing
    }
  }

  @Test
  void aConnectionClosedWithoutAResponseMayHaveReachedTheServer() throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> false)) {
      assertThatThrownBy(() -> transport.execute(get(server, "/").method("POST").body(new byte[1]).build()))
          .isInstanceOfSatisfying(ConnectionException.class,
              e -> assertThat(e.mayHaveReachedServer()).isTrue())
          .hasMessageContaining("closed the connection without a response");
    }
  }

  @Test
  void malformedResponsesAreConnectionFailures() throws Exception {
    String[] responses = {
        "garbage that is not http\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort",
        "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(Http1Connection.MAX_HEAD_BYTES) + "\r\n\r\n"};
    for (String response : responses) {
      try (ScriptedServer server = new ScriptedServer(exchange -> {
        exchange.send(response);
        return false;
      })) {
        assertThatThrownBy(() -> transport.execute(get(server, "/").build()))
            .as(response.substring(0, Math.min(40, response.length())))
            .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue());
      }
    }
  }

  @Test
  void aRefusedConnectionNeverReachedTheServer() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    SdkHttpRequest request = SdkHttpRequest.builder().uri(URI.create("http://127.0.0.1:" + port + "/")).build();

    assertThatThrownBy(() -> transport.execute(request))
        .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.mayHaveReachedServer()).isFalse())
        .hasMessageContaining("could not connect");
  }

  @Test
  void theAttemptTimeoutCoversTheHeadAndTheWholeBody() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      if (exchange.request().line().contains("/body")) {
        exchange.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");
      }
      release.await(10, TimeUnit.SECONDS);
      return false;
    })) {
      for (String path : new String[] {"/head", "/body"}) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> transport.execute(get(server, path).attemptTimeout(Duration.ofMillis(300)).build()))
            .as(path)
            .isInstanceOf(FireworksTimeoutException.class)
            .hasMessageContaining("attempt timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(5));
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void theAttemptTimeoutCoversSendingABodyTheServerDoesNotRead() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture.runAsync(() -> {
        try (java.net.Socket socket = listener.accept()) {
          socket.setReceiveBufferSize(4096);
          release.await(10, TimeUnit.SECONDS); // accepts, never reads
        } catch (IOException | InterruptedException e) {
          // the test ended
        }
      });
      SdkHttpRequest upload = SdkHttpRequest.builder().method("POST")
          .uri(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/upload"))
          .body(new byte[64 * 1024 * 1024]).attemptTimeout(Duration.ofMillis(300)).build();
      long start = System.nanoTime();

      assertThatThrownBy(() -> transport.execute(upload))
          .isInstanceOf(FireworksTimeoutException.class)
          .hasMessageContaining("attempt timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aStreamGetsItsHeadWithinTheTimeoutAndThenWaitsForItsBody() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n");
      release.await(10, TimeUnit.SECONDS);
      exchange.send("4\r\nlast\r\n0\r\n\r\n");
      return true;
    })) {
      try (StreamingHttpResponse stream = transport.stream(get(server, "/").attemptTimeout(Duration.ofMillis(200)).build())) {
        byte[] first = new byte[5];
        assertThat(stream.body().readNBytes(first, 0, 5)).isEqualTo(5);
        Thread.sleep(400); // longer than the attempt timeout: only the head was bound by it
        release.countDown();
        assertThat(new String(stream.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("last");
      }
      assertThat(transport.execute(get(server, "/").build()).status()).isEqualTo(200);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void closingAStreamEarlyClosesItsConnectionAndEndsABlockedRead() throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n");
      return awaitClientClose(exchange);
    })) {
      StreamingHttpResponse stream = transport.stream(get(server, "/").build());
      InputStream body = stream.body();
      assertThat(body.readNBytes(5)).isEqualTo("first".getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
        try {
          return body.read();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Thread.sleep(100);
      stream.close();

      assertThat(blocked).failsWithin(Duration.ofSeconds(5));
      assertThat(server.nextEnded()).isEqualTo(1);
      transport.stream(get(server, "/").build()).close(); // on a new connection: the half-read one is never reused
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void cancellingAnAsyncCallClosesItsConnection() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Http1TransportTest::awaitClientClose)) {
      CompletableFuture<SdkHttpResponse> call = transport.executeAsync(get(server, "/").build());
      server.requests.take();
      call.cancel(true);

      assertThat(call).isCancelled();
      assertThat(server.nextEnded()).isEqualTo(1); // the server saw the connection close
    }
  }

  @Test
  void asyncCallsCompleteOnTheGivenExecutor() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      CountDownLatch attached = new CountDownLatch(1); // a stage attached after completion would run on main
      Http1Transport withExecutor = Http1Transport.create(Duration.ofSeconds(5), task -> new Thread(() -> {
        awaitUninterruptibly(attached);
        task.run();
      }, "completion-thread").start());
      try {
        CompletableFuture<String> thread = withExecutor.executeAsync(get(server, "/").build())
            .thenApply(response -> Thread.currentThread().getName());
        attached.countDown();
        assertThat(thread).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("completion-thread");
        try (StreamingHttpResponse stream =
            withExecutor.streamAsync(get(server, "/").build()).get(5, TimeUnit.SECONDS)) {
          assertThat(stream.body().readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        }
      } finally {
        withExecutor.close();
      }
    }
  }

  @Test
  void closeEndsExchangesInProgressAndRefusesNewCalls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      release.await(10, TimeUnit.SECONDS);
      return false;
    })) {
      CompletableFuture<SdkHttpResponse> call = transport.executeAsync(get(server, "/").build());
      server.requests.take();
      transport.close();

      assertThat(call).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> transport.execute(get(server, "/").build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      release.countDown();
    }
  }

  @Test
  void anIdleConnectionTheServerClosedIsNotReused() throws Exception {
    Http1Transport checking = new Http1Transport(
        new ConnectionPool(5000, TimeUnit.SECONDS.toNanos(30), 8, 0, () -> null), null);
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      exchange.send(OK_HELLO);
      return exchange.request().connection() > 1; // the first connection is closed after its answer
    })) {
      assertThat(checking.execute(get(server, "/").build()).bodyText()).isEqualTo("hello");
      assertThat(server.nextEnded()).isEqualTo(1);

      assertThat(checking.execute(get(server, "/").method("POST").build()).bodyText()).isEqualTo("hello");
      assertThat(server.connections()).isEqualTo(2);
    } finally {
      checking.close();
    }
  }

  @Test
  void connectionsIdleForTheKeepAliveTimeAreClosedWithoutFurtherCalls() throws Exception {
    ConnectionPool pool = new ConnectionPool(5000, TimeUnit.MILLISECONDS.toNanos(200), 8,
        ConnectionPool.CHECK_AFTER_NANOS, () -> null);
    Http1Transport shortLived = new Http1Transport(pool, null);
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      shortLived.execute(get(server, "/").build());
      assertThat(pool.openCount()).isEqualTo(1);

      assertThat(server.nextEnded()).isEqualTo(1); // the sweep closed it; no call came to find it expired
      assertThat(pool.openCount()).isZero();
      assertThat(shortLived.execute(get(server, "/").build()).bodyText()).isEqualTo("hello");
      assertThat(server.connections()).isEqualTo(2);
    } finally {
      shortLived.close();
    }
  }

  @Test
  void aCancelledFutureDoesNotCloseTheConnectionOfALaterExchange() throws Exception {
    try (ScriptedServer server = ScriptedServer.answering(OK_HELLO)) {
      CompletableFuture<SdkHttpResponse> first = transport.executeAsync(get(server, "/").build());
      first.get(5, TimeUnit.SECONDS);
      first.cancel(true); // already done: nothing to cancel
      StreamingHttpResponse second = transport.stream(get(server, "/").build());
      try (second) {
        assertThat(second.body().readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  /** Answers nothing and waits, up to 10 s, for the client to close the connection. */
  private static boolean awaitClientClose(ScriptedServer.Exchange exchange) throws IOException {
    exchange.socket().setSoTimeout(10_000);
    exchange.socket().getInputStream().read();
    return false;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
