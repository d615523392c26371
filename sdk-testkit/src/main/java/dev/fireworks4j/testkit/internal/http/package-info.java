/**
 * Internal to the emulator, not API: may change in any release. The HTTP server (the JDK's {@code com.sun.net.httpserver}) and the request wrapper the APIs use.
 */
package dev.fireworks4j.testkit.internal.http;
