package dev.fireworks4j.routers.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.retry.RetryPolicy;
import dev.fireworks4j.core.testing.FakeTime;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import dev.fireworks4j.routers.spec.SpecConformance;
import dev.fireworks4j.routers.wait.WaitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server with SDK clients pointed at it. After every test, every request the SDK sent is
 * checked against the official spec ({@link SpecConformance}): operation, query parameters, body schema.
 */
public abstract class WireMockTestBase {
  /** A plain mapper for reading captured bodies. */
  protected static final ObjectMapper JSON = new ObjectMapper();
  /** The server; stub on it. */
  protected WireMockServer server;
  /** The invoker the clients use. */
  protected ApiInvoker invoker;
  /** A routers client for account {@code acct}. */
  protected RoutersClient routers;
  /** A deployments client for account {@code acct}. */
  protected DeploymentsClient deployments;
  /** A clock for waiters that never sleeps. */
  protected FakeTime time;

  @BeforeEach
  void startServer() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    invoker = ApiInvoker.create(options().build());
    routers = new RoutersClient(invoker);
    deployments = new DeploymentsClient(invoker);
    time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @AfterEach
  void checkRequestsAgainstSpecAndStop() {
    try {
      for (LoggedRequest request : requests()) {
        SpecConformance.assertConforms(request.getMethod().getName(), request.getUrl(), request.getBodyAsString());
      }
    } finally {
      invoker.close();
      server.stop();
    }
  }

  /** Options for account {@code acct} against the server, with millisecond retry backoff. */
  protected ClientOptions.Builder options() {
    URI base = URI.create("http://localhost:" + server.port());
    return ClientOptions.builder()
        .apiKey("test-key")
        .accountId("acct")
        .endpoints(Endpoints.custom(base, URI.create(base + "/inference/v1")))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build());
  }

  /** Wait options on the fake clock. */
  protected WaitOptions fastWait(Duration timeout) {
    return WaitOptions.builder().timeout(timeout).timeSource(time).build();
  }

  /** The requests received so far, oldest first. */
  protected List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      requests.add(0, event.getRequest());
    }
    return requests;
  }

  /** The only request received; fails when there were others. */
  protected LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = requests();
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requestLines());
    }
    return requests.get(0);
  }

  /** "METHOD url" of each request, oldest first. */
  protected List<String> requestLines() {
    List<String> lines = new ArrayList<>();
    for (LoggedRequest request : requests()) {
      lines.add(request.getMethod().getName() + " " + request.getUrl());
    }
    return lines;
  }

  /** The body of {@code request} as a JSON tree. */
  protected static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code json} (use single quotes for readability; they become double quotes). */
  protected static JsonNode json(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code json} with single quotes turned into double quotes, for stub bodies. */
  protected static String quoted(String json) {
    return json.replace('\'', '"');
  }
}
