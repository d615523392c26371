package dev.fireworks4j.core;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Everything a client is configured with: credentials, account, endpoints, headers, timeouts, retries and
 * the HTTP machinery. Immutable; build one with {@link #builder()} or read it from the environment with
 * {@link #fromEnv()}. The API key is never printed.
 */
public final class ClientOptions {
  /** Environment variable holding the API key. */
  public static final String ENV_API_KEY = "FIREWORKS_API_KEY";
  /** Environment variable holding the default account id. */
  public static final String ENV_ACCOUNT_ID = "FIREWORKS_ACCOUNT_ID";
  /** Environment variable overriding the base URL of both planes. */
  public static final String ENV_BASE_URL = "FIREWORKS_BASE_URL";
  /** Environment variable holding extra headers, one {@code Name: value} per line. */
  public static final String ENV_CUSTOM_HEADERS = "FIREWORKS_CUSTOM_HEADERS";

  private final ApiKey apiKey;
  private final String accountId;
  private final EndpointResolver endpoints;
  private final Headers headers;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final Duration totalTimeout;
  private final Duration streamIdleTimeout;
  private final RetryPolicy retryPolicy;
  private final String userAgent;
  private final HttpClient httpClient;
  private final Executor executor;
  private final HttpTransport transport;
  private final boolean allowInsecureHttp;

  private ClientOptions(Builder b) {
    this.apiKey = b.apiKey;
    this.accountId = b.accountId;
    this.endpoints = b.endpoints;
    this.headers = b.headers.build();
    this.connectTimeout = b.connectTimeout;
    this.timeout = b.timeout;
    this.totalTimeout = b.totalTimeout;
    this.streamIdleTimeout = b.streamIdleTimeout;
    this.retryPolicy = b.retryPolicy;
    this.userAgent = b.userAgent;
    this.httpClient = b.httpClient;
    this.executor = b.executor;
    this.transport = b.transport;
    this.allowInsecureHttp = b.allowInsecureHttp;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options read from the process environment ({@code FIREWORKS_*} variables). */
  public static ClientOptions fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiKey = apiKey;
    b.accountId = accountId;
    b.endpoints = endpoints;
    b.headers.setAll(headers);
    b.connectTimeout = connectTimeout;
    b.timeout = timeout;
    b.totalTimeout = totalTimeout;
    b.streamIdleTimeout = streamIdleTimeout;
    b.retryPolicy = retryPolicy;
    b.userAgent = userAgent;
    b.httpClient = httpClient;
    b.executor = executor;
    b.transport = transport;
    b.allowInsecureHttp = allowInsecureHttp;
    return b;
  }

  /** The API key, if configured. */
  public Optional<ApiKey> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The API key, or a {@link ConfigurationException} naming {@code FIREWORKS_API_KEY}. */
  public ApiKey requireApiKey() {
    if (apiKey == null) {
      throw new ConfigurationException("no API key configured: set the " + ENV_API_KEY
          + " environment variable or call ClientOptions.Builder.apiKey(...)");
    }
    return apiKey;
  }

  /** The default account id, if configured. */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /** The default account id, or a {@link ConfigurationException} naming {@code FIREWORKS_ACCOUNT_ID}. */
  public String requireAccountId() {
    if (accountId == null) {
      throw new ConfigurationException("no account id configured: set the " + ENV_ACCOUNT_ID
          + " environment variable, call ClientOptions.Builder.accountId(...), or pass full resource names");
    }
    return accountId;
  }

  /** The endpoint resolver (default {@link Endpoints#api()}). */
  public EndpointResolver endpoints() {
    return endpoints;
  }

  /** Headers sent with every request. */
  public Headers headers() {
    return headers;
  }

  /** The TCP connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The timeout of one attempt, until the whole response is read (default 10 min); streams use the idle timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** The deadline across all attempts of one call, if set (default none: attempts and backoff bound it). */
  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  /** The longest silence a stream may have between two events before it fails (default 60 s). */
  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  /** The retry policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The {@code User-Agent} header. */
  public String userAgent() {
    return userAgent;
  }

  /**
   * The caller's {@code java.net.http} client, if one was given (it is never closed by the SDK); the SDK then
   * sends on it instead of on its own HTTP/1.1 transport.
   */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** The executor that completes the futures of async calls (and so runs their callbacks), if one was given. */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /** A custom transport that replaces the SDK's own, if given. */
  public Optional<HttpTransport> transport() {
    return Optional.ofNullable(transport);
  }

  /** Whether credentials may be sent over plain http to hosts other than loopback. */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** Every setting, with the API key shown only as set or not set. */
  @Override
  public String toString() {
    return "ClientOptions{apiKey=" + (apiKey == null ? "<not set>" : "<set>") + ", accountId=" + accountId
        + ", endpoints=" + endpoints + ", headers=" + headers + ", connectTimeout=" + connectTimeout
        + ", timeout=" + timeout + ", totalTimeout=" + totalTimeout + ", streamIdleTimeout=" + streamIdleTimeout
        + ", retryPolicy=" + retryPolicy + ", userAgent=" + userAgent + ", allowInsecureHttp=" + allowInsecureHttp
        + "}";
  }

  static Duration positive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ValidationException(field, "must be a positive duration, was " + value);
    }
    return value;
  }

  static void checkHeader(String name, String value) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(ClientOptions::isTokenChar)) {
      throw new ValidationException("header", "\"" + name + "\" is not a valid header name");
    }
    if (name.equalsIgnoreCase("authorization")) {
      throw new ValidationException("header", "set the API key with apiKey(...), not as an Authorization header");
    }
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new ValidationException("header", "the value of " + name + " must not be null or contain a line break");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  /** Builds {@link ClientOptions}. */
  public static final class Builder {
    private ApiKey apiKey;
    private String accountId;
    private EndpointResolver endpoints = Endpoints.api();
    private final Headers.Builder headers = Headers.builder();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofMinutes(10);
    private Duration totalTimeout;
    private Duration streamIdleTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent = SdkInfo.userAgent();
    private HttpClient httpClient;
    private Executor executor;
    private HttpTransport transport;
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * Applies the {@code FIREWORKS_*} variables found in {@code env}: API key, account id, base URL (which
     * moves both planes) and custom headers. Absent variables leave the current settings alone.
     */
    public Builder fromEnv(Map<String, String> env) {
      String key = nonBlank(env.get(ENV_API_KEY));
      if (key != null) {
        try {
          apiKey(ApiKey.of(key));
        } catch (ValidationException e) {
          throw new ConfigurationException(ENV_API_KEY + " is not a valid API key: " + e.getMessage());
        }
      }
      String account = nonBlank(env.get(ENV_ACCOUNT_ID));
      if (account != null) {
        accountId(account);
      }
      String baseUrl = nonBlank(env.get(ENV_BASE_URL));
      if (baseUrl != null) {
        try {
          endpoints(Endpoints.custom(URI.create(baseUrl)));
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(ENV_BASE_URL + " is not a usable base URL: " + e.getMessage());
        }
      }
      String custom = env.get(ENV_CUSTOM_HEADERS);
      if (custom != null) {
        parseHeaderLines(custom);
      }
      return this;
    }

    /** The API key for both planes. */
    public Builder apiKey(ApiKey apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** The API key for both planes. */
    public Builder apiKey(String apiKey) {
      return apiKey(ApiKey.of(apiKey));
    }

    /** The account used when a short resource id is given. */
    public Builder accountId(String accountId) {
      this.accountId = dev.fireworks4j.core.name.AccountName.parse(accountId).accountId();
      return this;
    }

    /** The endpoint resolver, such as {@link Endpoints#aws()} or {@link Endpoints#custom(URI)}. */
    public Builder endpoints(EndpointResolver endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /** Adds or replaces a header sent with every request. */
    public Builder header(String name, String value) {
      checkHeader(name, value);
      headers.set(name, value);
      return this;
    }

    /** The TCP connect timeout. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /** The timeout of one attempt. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /** The deadline across all attempts of one call. */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = positive("totalTimeout", totalTimeout);
      return this;
    }

    /** The longest silence allowed inside a stream. */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      this.streamIdleTimeout = positive("streamIdleTimeout", streamIdleTimeout);
      return this;
    }

    /** The retry policy. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Shorthand for a retry policy with this retry count. */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /** The {@code User-Agent} header. */
    public Builder userAgent(String userAgent) {
      checkHeader("User-Agent", userAgent);
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sends on the caller's {@code java.net.http} client instead of the SDK's own HTTP/1.1 transport: for a
     * proxy, HTTP/2, or a custom TLS set-up. The SDK will not close it.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The executor that completes the futures of async calls, and so runs the callbacks chained to them;
     * by default the SDK's own daemon threads. The HTTP exchanges themselves do not run on it.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Replaces the SDK's own transport (retries, auth checks and logging still wrap it). */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** Allows sending credentials over plain http to hosts other than loopback (off by default). */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /** The options. */
    public ClientOptions build() {
      return new ClientOptions(this);
    }

    private void parseHeaderLines(String text) {
      String[] lines = text.split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new ConfigurationException(ENV_CUSTOM_HEADERS + " line " + (i + 1)
              + " is not of the form \"Name: value\"");
        }
        try {
          header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        } catch (ValidationException e) {
          throw new ConfigurationException(ENV_CUSTOM_HEADERS + " line " + (i + 1) + ": " + e.getMessage());
        }
      }
    }

    private static String nonBlank(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
