package dev.fireworks4j.inference.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fireworks4j.core.json.Json;
import java.util.List;

/** One WireMock server per test class. */
public final class WireMockSupport {
  private WireMockSupport() {}

  /** A started server on a free loopback port. */
  public static WireMockServer start() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }

  /** Every request the server received, oldest first. */
  public static List<LoggedRequest> requests(WireMockServer server) {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  /** The only request the server received. */
  public static LoggedRequest onlyRequest(WireMockServer server) {
    List<LoggedRequest> requests = requests(server);
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests.size());
    }
    return requests.get(0);
  }

  /** The body of the only request the server received, as JSON. */
  public static JsonNode onlyRequestBody(WireMockServer server) {
    return Json.readTreeOrNull(onlyRequest(server).getBodyAsString());
  }
}
