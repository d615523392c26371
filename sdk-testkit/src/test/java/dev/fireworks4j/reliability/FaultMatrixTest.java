package dev.fireworks4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.http.Http1Transport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.JdkHttpTransport;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault of the issue against every kind of call, sync and async: each call must end within its deadline,
 * either with the right content after retries or with the documented typed exception, after exactly the
 * attempts the retry rules allow, on the SDK's default transport and on the {@code java.net.http} one. Writes
 * the tables of outcomes to {@code target/reliability/fault-matrix-<transport>.md}.
 */
class FaultMatrixTest {
  static final String API_KEY = "fw-matrix-key";
  /** Long enough that 16 cells starting together on two cores never time out by mere load. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
  static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(6);
  static final Duration IDLE_TIMEOUT = Duration.ofMillis(300);
  /** The slack allowed past the deadline for scheduling on two busy cores. */
  static final Duration MARGIN = Duration.ofSeconds(3);
  static final int MAX_RETRIES = 2;
  static final int STALL_CHUNKS = 3;
  static final int EMULATOR_FAULT_CHUNKS = 2;

  private static WireMockServer wireMock;
  private static RawFaultServer raw;
  private static FireworksEmulator emulator;
  private static String refusedRoot;

  @BeforeAll
  static void start() throws IOException {
    wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(200));
    wireMock.start();
    raw = new RawFaultServer(STALL_CHUNKS);
    emulator = FireworksEmulator.builder().deployment("errors", 1).deployment("drops", 1).deployment("stalls", 1)
        .start();
    emulator.setFaults("errors", Faults.failing(503));
    emulator.setFaults("drops", Faults.builder().dropRate(1).streamFaultAfterChunks(EMULATOR_FAULT_CHUNKS).build());
    emulator.setFaults("stalls", Faults.builder().stallRate(1).streamFaultAfterChunks(EMULATOR_FAULT_CHUNKS)
        .stallDuration(Duration.ofSeconds(30)).build());
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedRoot = "http://127.0.0.1:" + closed.getLocalPort();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    wireMock.stop();
    raw.close();
    emulator.close();
  }

  /** The transports the matrix runs on. */
  enum Transport {
    /** {@link Http1Transport}, what a client uses unless given an {@code HttpClient} or a transport. */
    DEFAULT,
    /** {@link JdkHttpTransport}, what a client given an {@code HttpClient} uses. */
    JDK_HTTP_CLIENT;

    HttpTransport create() {
      return this == DEFAULT ? Http1Transport.create(Duration.ofSeconds(2), null)
          : JdkHttpTransport.create(Duration.ofSeconds(2), null);
    }

    /** The JDK client repeats a GET once by itself when the connection closed before any response byte. */
    boolean repeatsGets() {
      return this == JDK_HTTP_CLIENT;
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyCallEndsInTimeWithTheDocumentedOutcome(Transport transport) throws Exception {
    List<Row> rows = rows(transport);
    Map<Row, Map<CallShape, Future<Cell>>> cells = new LinkedHashMap<>();
    transport.create().close(); // one-off class loading and set-up, outside the cells' deadlines
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      int n = 0;
      for (Row row : rows) {
        Map<CallShape, Future<Cell>> byShape = new LinkedHashMap<>();
        for (CallShape shape : CallShape.values()) {
          if (row.expected.apply(shape) != null) {
            String prefix = "/t" + transport.ordinal() + "c" + n++; // WireMock scenarios are per prefix: one set per run
            byShape.put(shape, pool.submit(() -> run(row, shape, prefix, transport)));
          }
        }
        cells.put(row, byShape);
      }
      Map<Row, Map<CallShape, Cell>> done = new LinkedHashMap<>();
      for (Map.Entry<Row, Map<CallShape, Future<Cell>>> row : cells.entrySet()) {
        Map<CallShape, Cell> byShape = new LinkedHashMap<>();
        for (Map.Entry<CallShape, Future<Cell>> cell : row.getValue().entrySet()) {
          byShape.put(cell.getKey(), cell.getValue().get());
        }
        done.put(row.getKey(), byShape);
      }
      Row reuse = rows.stream().filter(row -> row.name.startsWith("reused connection")).findFirst().orElseThrow();
      Cell reused = done.get(reuse).get(CallShape.CREATE);
      write(done, reused.outcome.message(), transport);
      List<String> wrong = new ArrayList<>();
      done.forEach((row, byShape) -> byShape.forEach((shape, cell) -> {
        if (!cell.matches()) {
          wrong.add(row.name + " / " + shape.title() + ": expected " + cell.expected + ", got " + cell.describe());
        }
      }));
      assertThat(wrong).isEmpty();
      // the create without id on the reused connection: a clear error saying why it was not repeated
      assertThat(reused.outcome.message()).contains("not retried: the request is not idempotent and may have"
          + " reached the server");
    } finally {
      pool.shutdownNow();
    }
  }

  private static Cell run(Row row, CallShape shape, String prefix, Transport transport) {
    String root = row.arrange.arrange(shape, prefix);
    CountingTransport counting = new CountingTransport(transport.create());
    String key = row.emulatorDeployment == null ? API_KEY : emulator.apiKey();
    try (Fireworks fw = client(root, key, counting)) {
      String model = row.emulatorDeployment == null ? Bodies.ROUTER_NAME
          : emulator.deploymentName(row.emulatorDeployment);
      if (row.warmUp) {
        CallShape.GET.call(fw, model, null);
      }
      int before = counting.attempts();
      String expectedText = row.emulatorDeployment == null ? Bodies.ANSWER : null;
      Outcome outcome = shape.call(fw, model, expectedText);
      int served = row.countsAtWireMock ? wireMock.countRequestsMatching(
          WireMock.anyRequestedFor(urlPathMatching(prefix + "/.*")).build()).getCount() : -1;
      return new Cell(row.expected.apply(shape), outcome, counting.attempts() - before, served, shape.method());
    }
  }

  private static Fireworks client(String root, String apiKey, CountingTransport transport) {
    return Fireworks.builder()
        .apiKey(apiKey)
        .accountId(Bodies.ACCOUNT)
        .endpoints(Endpoints.gateway(URI.create(root)))
        .timeout(ATTEMPT_TIMEOUT)
        .streamIdleTimeout(IDLE_TIMEOUT)
        .options(o -> o.totalTimeout(TOTAL_TIMEOUT).transport(transport).retryPolicy(RetryPolicy.builder()
            .maxRetries(MAX_RETRIES).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .build()))
        .build();
  }

  // ---- the rows ----

  private static List<Row> rows(Transport transport) {
    List<Row> rows = new ArrayList<>();
    int attempts = MAX_RETRIES + 1;
    rows.add(new Row("connection refused", "never reached the server: every call is retried",
        (shape, prefix) -> refusedRoot + prefix, shape -> Expected.of("Connection", attempts)).notCounted());
    for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK,
        Fault.RANDOM_DATA_THEN_CLOSE)) {
      rows.add(new Row(describe(fault) + ", once",
          "may have reached the server: retried unless not idempotent; a create with id then gets 409 and GETs",
          (shape, prefix) -> stubOnceThenApplied(shape, prefix, aResponse().withFault(fault)),
          shape -> afterAmbiguousFailure(shape, fault == Fault.MALFORMED_RESPONSE_CHUNK && shape.isStream()
              ? Expected.of("Connection", 1) : isGet(shape) && transport.repeatsGets() && jdkRepeatsGet(fault) ? Expected.okAfterJdkRetry()
              : Expected.of(Outcome.OK, 2))));
    }
    rows.add(new Row("response slower than the attempt timeout, always",
        "attempt timeout " + ATTEMPT_TIMEOUT.toMillis() + " ms: retried unless not idempotent",
        (shape, prefix) -> stub(shape, prefix, okResponse(shape).withFixedDelay(4000), Integer.MAX_VALUE, null),
        shape -> shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC
            ? Expected.of("Timeout", 1) : Expected.of("Timeout", attempts)));
    rows.add(new Row("body stalls after " + STALL_CHUNKS + " chunks, always",
        "non-streaming: the attempt timeout covers the body; a stream fails on its idle timeout with the chunks"
            + " delivered, never retried",
        (shape, prefix) -> raw.root() + "/stall-" + prefix.substring(1),
        shape -> shape.isStream() ? Expected.of("Timeout", 1, STALL_CHUNKS)
            : shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC
                ? Expected.of("Timeout", 1) : Expected.of("Timeout", attempts)).notCounted());
    rows.add(new Row("200 with a non-JSON body", "a success status is final: typed error, no retry",
        (shape, prefix) -> stub(shape, prefix, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
            .withBody("<html><body>Service moved</body></html>"), Integer.MAX_VALUE, null),
        shape -> Expected.of(shape.isStream() ? "Stream" : "InvalidResponse", 1)));
    rows.add(new Row("200 with a truncated JSON body", "a success status is final: typed error, no retry",
        (shape, prefix) -> stub(shape, prefix, okResponse(shape).withBody(
            shape.successBody().substring(0, shape.successBody().length() / 2 + 3)), Integer.MAX_VALUE, null),
        shape -> Expected.of(shape.isStream() ? "Stream" : "InvalidResponse", 1)));
    rows.add(new Row("429 with retry-after-ms: 30, once", "429 is retried for every call, after the asked wait",
        (shape, prefix) -> stub(shape, prefix, aResponse().withStatus(429).withHeader("retry-after-ms", "30"), 1,
            okResponse(shape)), shape -> Expected.of(Outcome.OK, 2)));
    rows.add(new Row("429 with Retry-After: 1 (seconds), once", "429 is retried for every call, after the asked wait",
        (shape, prefix) -> stub(shape, prefix, aResponse().withStatus(429).withHeader("Retry-After", "1"), 1,
            okResponse(shape)), shape -> Expected.of(Outcome.OK, 2)));
    rows.add(new Row("429 with Retry-After: HTTP date 1 s ahead, once",
        "429 is retried for every call, after the asked wait",
        (shape, prefix) -> stub(shape, prefix, aResponse().withStatus(429).withHeader("Retry-After",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(1))), 1, okResponse(shape)),
        shape -> Expected.of(Outcome.OK, 2)));
    rows.add(new Row("503 burst of 2, then 200", "retried unless not idempotent",
        (shape, prefix) -> stub(shape, prefix, unavailable(), 2, okResponse(shape)),
        shape -> shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC
            ? Expected.of("InternalServer", 1) : Expected.of(Outcome.OK, attempts)));
    rows.add(new Row("503 burst longer than the retries", "the last 503 surfaces as its typed exception",
        (shape, prefix) -> stub(shape, prefix, unavailable(), Integer.MAX_VALUE, null),
        shape -> shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC
            ? Expected.of("InternalServer", 1) : Expected.of("InternalServer", attempts)));
    rows.add(new Row("reused connection closed with no response (JDK-8338569 shape)",
        "no response byte on a reused connection: retried where safe, a clear error otherwise",
        (shape, prefix) -> raw.root() + "/reuse-" + prefix.substring(1),
        shape -> shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC ? Expected.of("Connection", 1)
            : isGet(shape) && transport.repeatsGets() ? Expected.okAfterJdkRetry() : Expected.of(Outcome.OK, 2))
        .notCounted().warmUp());
    rows.add(new Row("emulator: every request answered 503", "emulator fault injection (inference only)",
        (shape, prefix) -> emulator.baseUri().toString(),
        shape -> shape.isInference() ? Expected.of("InternalServer", attempts) : null).on("errors"));
    rows.add(new Row("emulator: connection dropped (streams after " + EMULATOR_FAULT_CHUNKS + " chunks)",
        "before the response: retried; a stream with chunks delivered: not retried",
        (shape, prefix) -> emulator.baseUri().toString(),
        shape -> !shape.isInference() ? null : shape.isStream()
            ? Expected.of("Connection", 1, EMULATOR_FAULT_CHUNKS) : Expected.of("Connection", attempts))
        .on("drops"));
    rows.add(new Row("emulator: stream stalls after " + EMULATOR_FAULT_CHUNKS + " chunks",
        "the idle timeout ends the stream; whole responses are not affected",
        (shape, prefix) -> emulator.baseUri().toString(),
        shape -> !shape.isInference() ? null : shape.isStream()
            ? Expected.of("Timeout", 1, EMULATOR_FAULT_CHUNKS) : Expected.of(Outcome.OK, 1)).on("stalls"));
    return rows;
  }

  /** After a failure that may have reached the server: a create without id is not repeated; one with id gets 409, then GETs. */
  private static Expected afterAmbiguousFailure(CallShape shape, Expected otherwise) {
    if (shape == CallShape.CREATE || shape == CallShape.CREATE_ASYNC) {
      return Expected.of("Connection", 1);
    }
    return shape.isCreateWithId() ? Expected.of(Outcome.OK, 3) : otherwise;
  }

  private static boolean isGet(CallShape shape) {
    return shape == CallShape.GET || shape == CallShape.GET_ASYNC;
  }

  /** The JDK client repeats a GET once by itself when the connection closed before any response byte. */
  private static boolean jdkRepeatsGet(Fault fault) {
    return fault == Fault.CONNECTION_RESET_BY_PEER || fault == Fault.EMPTY_RESPONSE;
  }

  private static String describe(Fault fault) {
    switch (fault) {
      case CONNECTION_RESET_BY_PEER: return "connection reset";
      case EMPTY_RESPONSE: return "empty response (connection closed)";
      case MALFORMED_RESPONSE_CHUNK: return "malformed chunk after a 200";
      default: return "random data, then close";
    }
  }

  private static ResponseDefinitionBuilder okResponse(CallShape shape) {
    return aResponse().withStatus(200).withHeader("Content-Type", shape.isStream() ? "text/event-stream"
        : "application/json").withBody(shape.successBody());
  }

  private static ResponseDefinitionBuilder unavailable() {
    return aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"overloaded\",\"code\":\"UNAVAILABLE\"}}");
  }

  /** The fault once; then a create with an id finds that the first attempt created the router (409, then GET). */
  private static String stubOnceThenApplied(CallShape shape, String prefix, ResponseDefinitionBuilder fault) {
    if (!shape.isCreateWithId()) {
      return stub(shape, prefix, fault, 1, okResponse(shape));
    }
    wireMock.stubFor(get(urlPathEqualTo(prefix + CallShape.GET.path())).willReturn(okResponse(CallShape.GET)));
    return stub(shape, prefix, fault, 1, aResponse().withStatus(409).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":6,\"message\":\"router r1 already exists\",\"details\":[]}"));
  }

  /** {@code first} for the first {@code times} requests, then {@code then}. */
  private static String stub(CallShape shape, String prefix, ResponseDefinitionBuilder first, int times,
      ResponseDefinitionBuilder then) {
    String path = prefix + shape.path();
    if (times == Integer.MAX_VALUE) {
      wireMock.stubFor(request(shape.method(), urlPathEqualTo(path)).willReturn(first));
      return wireMock.baseUrl() + prefix;
    }
    for (int i = 0; i < times; i++) {
      wireMock.stubFor(request(shape.method(), urlPathEqualTo(path)).atPriority(1).inScenario(prefix)
          .whenScenarioStateIs(i == 0 ? STARTED : "after-" + i)
          .willReturn(first)
          .willSetStateTo("after-" + (i + 1)));
    }
    wireMock.stubFor(request(shape.method(), urlPathEqualTo(path)).atPriority(2).willReturn(then));
    return wireMock.baseUrl() + prefix;
  }

  // ---- the report ----

  private static void write(Map<Row, Map<CallShape, Cell>> done, String reusedMessage, Transport transport)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("Each cell: the outcome (`ok` = the right content after any retries, else the typed exception,"
        + " without its `Exception`/`Fireworks` affixes), `×n` the attempts made, `ev` stream events the caller"
        + " received first; `—` not applicable. On the JDK client a GET may show one attempt where the client"
        + " repeated it by itself on a broken connection (the server then got two). Client: attempt timeout ").append(ATTEMPT_TIMEOUT.toMillis())
        .append(" ms, total timeout ").append(TOTAL_TIMEOUT.toMillis()).append(" ms, stream idle timeout ")
        .append(IDLE_TIMEOUT.toMillis()).append(" ms, ").append(MAX_RETRIES).append(" retries. The test fails unless"
        + " every cell shows its expected outcome and ends within the total timeout (plus ")
        .append(MARGIN.toSeconds()).append(" s of slack for two busy cores).\n\n");
    md.append("| fault | rule |");
    for (CallShape shape : CallShape.values()) {
      md.append(' ').append(shape.title()).append(" |");
    }
    md.append(" slowest (ms) |\n|---|---|");
    md.append("---|".repeat(CallShape.values().length)).append("--:|\n");
    done.forEach((row, byShape) -> {
      md.append("| ").append(row.name).append(" | ").append(row.rule).append(" |");
      long slowest = 0;
      for (CallShape shape : CallShape.values()) {
        Cell cell = byShape.get(shape);
        md.append(' ').append(cell == null ? "—" : cell.describe()).append(" |");
        slowest = Math.max(slowest, cell == null ? 0 : cell.outcome.millis());
      }
      md.append(' ').append(slowest).append(" |\n");
    });
    md.append("\nJava ").append(Runtime.version()).append(", transport ").append(transport)
        .append(". The create without id on the reused connection failed"
        + " with: `").append(reusedMessage).append("`\n");
    Path out = Path.of("target", "reliability", "fault-matrix-" + transport.name().toLowerCase(Locale.ROOT) + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
  }

  /** What a cell must show. */
  record Expected(String result, int minAttempts, int maxAttempts, int events) {
    static Expected of(String result, int attempts) {
      return new Expected(result, attempts, attempts, 0);
    }

    static Expected of(String result, int attempts, int events) {
      return new Expected(result, attempts, attempts, events);
    }

    /** A GET the JDK client may have repeated by itself on a broken connection, so the SDK retried or did not. */
    static Expected okAfterJdkRetry() {
      return new Expected(Outcome.OK, 1, 2, 0);
    }

    boolean allows(int attempts) {
      return attempts >= minAttempts && attempts <= maxAttempts;
    }

    @Override
    public String toString() {
      return result + " ×" + minAttempts + (maxAttempts > minAttempts ? "–" + maxAttempts : "")
          + (events > 0 ? " " + events + " ev" : "");
    }
  }

  /** What a cell showed. */
  record Cell(Expected expected, Outcome outcome, int attempts, int served, String method) {
    boolean matches() {
      boolean inTime = outcome.millis() <= TOTAL_TIMEOUT.plus(MARGIN).toMillis();
      boolean eventsRight = expected.events() == 0 || outcome.events() == expected.events();
      // the JDK client itself repeats a GET once on a broken connection; a POST it never repeats
      boolean servedRight = served < 0 || served == attempts || served > attempts && "GET".equals(method);
      return inTime && eventsRight && servedRight && expected.result().equals(outcome.result())
          && expected.allows(attempts);
    }

    String describe() {
      String text = outcome.result() + " ×" + attempts + (outcome.events() > 0 && !Outcome.OK.equals(outcome.result())
          ? " " + outcome.events() + " ev" : "");
      return served >= 0 && served != attempts ? text + " (server got " + served + ")" : text;
    }
  }

  /** One fault: how to arrange it for a call, and the outcome each kind of call must show. */
  static final class Row {
    final String name;
    final String rule;
    final Arrangement arrange;
    final Function<CallShape, Expected> expected;
    boolean countsAtWireMock = true;
    boolean warmUp;
    String emulatorDeployment;

    Row(String name, String rule, Arrangement arrange, Function<CallShape, Expected> expected) {
      this.name = name;
      this.rule = rule;
      this.arrange = arrange;
      this.expected = expected;
    }

    Row notCounted() {
      countsAtWireMock = false;
      return this;
    }

    Row warmUp() {
      warmUp = true;
      return this;
    }

    Row on(String deployment) {
      emulatorDeployment = deployment;
      return notCounted();
    }
  }

  /** Sets up a fault for one call and returns the gateway root the client calls. */
  @FunctionalInterface
  interface Arrangement {
    String arrange(CallShape shape, String prefix);
  }
}
