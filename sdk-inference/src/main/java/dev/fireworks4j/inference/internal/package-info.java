/**
 * Implementation of the inference clients: request building, the server-sent-events parser, the
 * streams and their idle watchdog. Not part of the user API; it may change in any release.
 */
package dev.fireworks4j.inference.internal;
