/**
 * The control-plane clients: {@link dev.fireworks4j.routers.ControlPlaneClient}, which holds
 * {@link dev.fireworks4j.routers.RoutersClient} and
 * {@link dev.fireworks4j.routers.DeploymentsClient} (blocking), their non-blocking variants
 * {@link dev.fireworks4j.routers.RoutersAsyncClient} and {@link dev.fireworks4j.routers.DeploymentsAsyncClient},
 * and the raw-response views that add the HTTP status and headers to each result.
 *
 * <p>Resources are named by short id, resolved in the client's account, or by full name
 * ({@code accounts/{account}/routers/{id}}, {@code accounts/{account}/deployments/{id}}). Every call speaks
 * the official gateway spec: camelCase JSON, custom methods such as {@code :scale} with a literal colon,
 * create and update bodies holding only the fields the caller set.
 */
package dev.fireworks4j.routers;
