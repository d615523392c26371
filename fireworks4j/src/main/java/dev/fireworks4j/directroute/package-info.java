/**
 * Direct routes (deprecated by Fireworks) and the migration away from them.
 *
 * <p>A {@link dev.fireworks4j.directroute.DirectRouteHandle} names one deployment's direct-route
 * host, {@code https://<account>-<deploymentId>.<region>.direct.fireworks.ai/v1}, called with a
 * direct-route key. {@link dev.fireworks4j.directroute.DirectRouteMigration} turns such a
 * configuration into the gateway one ({@code https://api.fireworks.ai/inference/v1} or the AWS / GCP
 * hosts, the Fireworks API key, and the deployment's full name or a router alias as the model), explains
 * what changed, and can send one request both ways to compare.
 */
package dev.fireworks4j.directroute;
