package dev.fireworks4j.testkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP client for the emulator that holds every answer against the official specs: a 200 from the control
 * plane against its operation's response schema and an error against {@code googlerpcStatus}; a 200 from the
 * inference API against its response schema (each stream chunk against the stream schema), a 422 against
 * {@code HTTPValidationError}, and other errors against the documented shapes.
 */
public final class SpecClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FireworksEmulator emulator;
  private final HttpClient http;

  /** A client of {@code emulator}. */
  public SpecClient(FireworksEmulator emulator) {
    this.emulator = emulator;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Parses JSON text. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new object node. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A control-plane request on a spec path template such as {@code /v1/accounts/{account_id}/routers}. */
  public Request control(String method, String template) {
    return new Request(this, method, template, true).key(emulator.apiKey());
  }

  /** An inference request on a spec path ({@code /v1/chat/completions} or {@code /v1/completions}). */
  public Request inference(String path) {
    return new Request(this, "POST", path, false).key(emulator.apiKey()).prefix("/inference");
  }

  /** A response: status, headers, JSON body (or SSE events). */
  public record Response(int status, Map<String, String> headers, JsonNode body, List<Event> events) {
    /** A header, case-insensitive. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** One SSE event: its name ({@code null} for data-only events) and data. */
  public record Event(String name, String data) {
    /** The data as JSON. */
    public JsonNode json() {
      return SpecClient.json(data);
    }
  }

  /** A request being built. */
  public static final class Request {
    private final SpecClient client;
    private final String method;
    private final String template;
    private final boolean control;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object[] pathArgs = new Object[0];
    private String prefix = "";
    private String body;
    private String key;

    private Request(SpecClient client, String method, String template, boolean control) {
      this.client = client;
      this.method = method;
      this.template = template;
      this.control = control;
    }

    /** Values for the template's {placeholders}, in order. */
    public Request path(Object... args) {
      this.pathArgs = args;
      return this;
    }

    /** A query parameter. */
    public Request query(String name, Object value) {
      query.put(name, String.valueOf(value));
      return this;
    }

    /** A request header. */
    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The JSON body. */
    public Request body(JsonNode json) {
      this.body = json.toString();
      return this;
    }

    /** A raw body. */
    public Request rawBody(String text) {
      this.body = text;
      return this;
    }

    /** The bearer key ({@code null}: none). */
    public Request key(String key) {
      this.key = key;
      return this;
    }

    /** A path prefix before the template. */
    public Request prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** Sends the request, validates the answer, and returns it. */
    public Response send() {
      String path = template;
      for (Object arg : pathArgs) {
        path = path.replaceFirst("\\{[^}]+}", String.valueOf(arg));
      }
      StringBuilder uri = new StringBuilder(client.emulator.baseUri() + prefix + path);
      String separator = "?";
      for (Map.Entry<String, String> q : query.entrySet()) {
        uri.append(separator).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(),
            StandardCharsets.UTF_8));
        separator = "&";
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(30))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      headers.forEach(request::header);
      try {
        HttpResponse<InputStream> raw = client.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        raw.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        boolean sse = responseHeaders.getOrDefault("content-type", "").startsWith("text/event-stream");
        Response response;
        try (InputStream in = raw.body()) {
          response = sse ? new Response(raw.statusCode(), responseHeaders, null, events(in))
              : new Response(raw.statusCode(), responseHeaders, parse(in.readAllBytes()), List.of());
        }
        if (control) {
          Conformance.checkControl(method, template, response);
        } else {
          Conformance.checkInference(template, response);
        }
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static JsonNode parse(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).as("response body").isNotBlank();
      return json(text);
    }

    private static List<Event> events(InputStream in) throws IOException {
      List<Event> events = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String name = null;
      StringBuilder data = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name, data.toString()));
          }
          name = null;
          data = null;
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          String part = line.substring(5).strip();
          data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
        }
      }
      return events;
    }
  }
}
