package dev.fireworks4j.inference.stream;

import static dev.fireworks4j.inference.testing.Fixtures.DONE;
import static dev.fireworks4j.inference.testing.Fixtures.contentChunk;
import static dev.fireworks4j.inference.testing.Fixtures.roleChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksTimeoutException;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.testing.SseTestServer;
import dev.fireworks4j.inference.testing.TestClients;
import dev.fireworks4j.inference.testing.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams against a server that controls timing: open connections, stalls, cancellation, broken connections. */
class StreamLifecycleTest {
  private static final ChatCompletionParams PARAMS =
      ChatCompletionParams.builder().model("accounts/a/routers/r").addUserMessage("Hi").build();
  private Set<Long> threadsBefore;
  private SseTestServer server;
  private InferenceClient client;

  @BeforeEach
  void snapshotThreads() {
    threadsBefore = Threads.snapshot();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    assertThat(Threads.awaitNoStreamReaders(2000)).as("threads still reading a stream").isZero();
    assertThat(Threads.newUnsharedThreads(threadsBefore)).as("threads left behind").isEmpty();
  }

  private void serve(SseTestServer.Script script) throws IOException {
    server = SseTestServer.start(script);
    client = TestClients.gateway(server.root());
  }

  @Test
  void endsAtDoneAlthoughTheServerKeepsTheConnectionOpen() throws Exception {
    serve(body -> {
      body.send(roleChunk()).send(contentChunk("Hi")).send(DONE);
      body.hold();
    });

    long start = System.nanoTime();
    int chunks = 0;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      for (ChatCompletionChunk ignored : stream) {
        chunks++;
      }
    }

    assertThat(chunks).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TestClients.IDLE_TIMEOUT);
  }

  @Test
  void aStalledStreamFailsAfterTheIdleTimeout() throws Exception {
    serve(body -> {
      body.send(roleChunk());
      body.hold();
    });

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      Iterator<ChatCompletionChunk> chunks = stream.iterator();
      assertThat(chunks.hasNext()).isTrue();
      chunks.next();
      long start = System.nanoTime();
      assertThatThrownBy(chunks::hasNext).isInstanceOf(FireworksTimeoutException.class)
          .hasMessageContaining("200 ms").hasMessageContaining("req-sse");
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(2));
      assertThat(chunks.hasNext()).isFalse();
    }
  }

  @Test
  void pingsAndCommentsKeepAStreamAlive() throws Exception {
    serve(body -> {
      body.send(roleChunk());
      for (int i = 0; i < 8; i++) {
        Thread.sleep(50);
        body.send(i % 2 == 0 ? ": keep-alive\n\n" : "event: ping\ndata: {}\n\n");
      }
      body.send(contentChunk("late")).send(DONE);
    });

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      assertThat(stream.stream().count()).isEqualTo(2);
    }
  }

  @Test
  void closingMidStreamReleasesTheConnectionAtOnce() throws Exception {
    serve(body -> {
      body.send(roleChunk()).send(contentChunk("a")).send(contentChunk("b"));
      body.tickUntilClientGone();
    });

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
      Iterator<ChatCompletionChunk> chunks = stream.iterator();
      chunks.next();
      chunks.next();
    }

    assertThat(server.awaitClientGone(2000)).as("the server saw the connection dropped").isTrue();
  }

  @Test
  void closingFromAnotherThreadWakesABlockedReader() throws Exception {
    serve(body -> {
      body.send(roleChunk());
      body.hold();
    });
    client = client.withOptions(options -> options.streamIdleTimeout(Duration.ofSeconds(30)));
    StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS);
    CountDownLatch firstChunk = new CountDownLatch(1);
    ExecutorService readerThread = Executors.newSingleThreadExecutor();
    Future<Integer> reader = readerThread.submit(() -> {
      int count = 0;
      for (ChatCompletionChunk ignored : stream) {
        count++;
        firstChunk.countDown();
      }
      return count;
    });
    assertThat(firstChunk.await(2, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50); // the reader is now blocked waiting for the next event

    stream.close();

    assertThat(reader.get(1, TimeUnit.SECONDS)).isEqualTo(1);
    readerThread.shutdown();
    assertThat(readerThread.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closingAnAsyncStreamMidWayStopsDeliveryAndReleasesTheConnection() throws Exception {
    serve(body -> {
      body.send(roleChunk()).send(contentChunk("a")).send(contentChunk("b"));
      body.tickUntilClientGone();
    });
    AtomicInteger delivered = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    List<String> ends = new CopyOnWriteArrayList<>();

    AsyncStreamResponse<ChatCompletionChunk> stream = client.async().chat().completions().stream(PARAMS)
        .subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
          @Override
          public void onNext(ChatCompletionChunk chunk) {
            delivered.incrementAndGet();
            three.countDown();
          }

          @Override
          public void onComplete() {
            ends.add("complete");
          }

          @Override
          public void onError(Throwable error) {
            ends.add("error " + error);
          }
        });
    assertThat(three.await(2, TimeUnit.SECONDS)).isTrue();

    stream.close();

    assertThat(server.awaitClientGone(2000)).isTrue();
    assertThatThrownBy(() -> stream.completion().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    int afterClose = delivered.get();
    Thread.sleep(50);
    assertThat(delivered.get()).isEqualTo(afterClose).isEqualTo(3);
    assertThat(ends).isEmpty();
  }

  @Test
  void anAsyncStalledStreamFailsWithTheIdleTimeout() throws Exception {
    serve(body -> {
      body.send(roleChunk());
      body.hold();
    });

    AsyncStreamResponse<ChatCompletionChunk> stream =
        client.async().chat().completions().stream(PARAMS).subscribe(chunk -> { });

    assertThatThrownBy(() -> stream.completion().get(2, TimeUnit.SECONDS))
        .hasCauseInstanceOf(FireworksTimeoutException.class);
  }

  @Test
  void aConnectionBrokenAfterTheFirstChunkFailsWithoutRetry() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> serveOneChunkThenReset(listener, connections), "raw-sse-server");
      acceptor.setDaemon(true);
      acceptor.start();
      client = TestClients.gateway("http://127.0.0.1:" + listener.getLocalPort());

      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().stream(PARAMS)) {
        Iterator<ChatCompletionChunk> chunks = stream.iterator();
        assertThat(chunks.next().choices().get(0).delta().role()).isPresent();
        assertThatThrownBy(chunks::hasNext).isInstanceOf(ConnectionException.class)
            .hasMessageContaining("the stream broke off");
      }
      Thread.sleep(100);
      assertThat(connections.get()).as("no retry once a chunk reached the caller").isEqualTo(1);
    }
  }

  /** Answers each connection with the headers and one chunk, then resets it. */
  private static void serveOneChunkThenReset(ServerSocket listener, AtomicInteger connections) {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        connections.incrementAndGet();
        readRequest(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        String chunk = roleChunk();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(50);
        socket.setSoLinger(true, 0); // close with a reset, mid-body
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
      in.readNBytes(length);
    }
  }
}
