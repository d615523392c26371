package dev.fireworks4j.routers;

import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.core.paging.Page;
import dev.fireworks4j.routers.model.Router;
import dev.fireworks4j.routers.model.RouterCreateParams;
import dev.fireworks4j.routers.model.RouterListParams;
import dev.fireworks4j.routers.model.RouterUpdateParams;
import java.util.Objects;

/**
 * The router calls of {@link RoutersClient}, each returning the HTTP status and headers (such as the
 * request id) with the parsed body. Obtain it with {@link RoutersClient#withRawResponse()}.
 */
public final class RawRoutersClient {
  private final RouterCalls calls;

  RawRoutersClient(RouterCalls calls) {
    this.calls = calls;
  }

  /** Creates a router; see {@link RoutersClient#create}. */
  public ApiResponse<Router> create(RouterCreateParams params) {
    Objects.requireNonNull(params, "params");
    if (params.routerId().isEmpty()) {
      return calls.invoker().execute(calls.create(params, calls.options()), Router.class);
    }
    RouterName name = calls.name(params.routerId().get());
    return new ExplicitIdCreate<>(calls.invoker(), calls.options(), o -> calls.create(params, o), Router.class)
        .run(() -> get(name.toString()));
  }

  /** Fetches a router by short id or full name. */
  public ApiResponse<Router> get(String idOrName) {
    return calls.invoker().execute(calls.get(calls.name(idOrName)), Router.class);
  }

  /** Fetches one page of routers; {@code pageToken} is null for the first page. */
  public ApiResponse<Page<Router>> listPage(RouterListParams params, String pageToken) {
    ApiResponse<RouterCalls.ListRoutersResponse> response =
        calls.invoker().execute(calls.list(params, pageToken), RouterCalls.ListRoutersResponse.class);
    return response.withValue(RouterCalls.page(response.value()));
  }

  /** Changes the fields set in {@code params}; see {@link RoutersClient#update}. */
  public ApiResponse<Router> update(String idOrName, RouterUpdateParams params) {
    Objects.requireNonNull(params, "params");
    RouterName name = calls.name(idOrName);
    RouterCalls.requireChangeable(get(name.toString()).value(), name, "updated");
    return calls.invoker().execute(calls.update(name, params), Router.class);
  }

  /** Deletes a router; see {@link RoutersClient#delete}. The value is always null. */
  public ApiResponse<Void> delete(String idOrName) {
    RouterName name = calls.name(idOrName);
    RouterCalls.requireChangeable(get(name.toString()).value(), name, "deleted");
    return calls.invoker().execute(calls.delete(name), Void.class);
  }
}
