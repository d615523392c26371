/**
 * Traffic across a router's deployments: {@link dev.fireworks4j.routers.traffic.TrafficSplit} computes
 * the expected share of each deployment from replica counts, and
 * {@link dev.fireworks4j.routers.traffic.TrafficMigration} moves a router's traffic from one deployment to
 * another without downtime, step by step, with a check and a rollback between steps.
 */
package dev.fireworks4j.routers.traffic;
