/**
 * JMH benchmarks of the replica picker's pick cost, and a discrete-event simulation comparing its
 * strategies under load.
 */
package dev.fireworks4j.benchmarks.picker;
