package dev.fireworks4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.testkit.FireworksEmulator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Start-up and exit in fresh JVMs ({@link StartupProbe}), median of {@value #ROUNDS} runs each: the cold cost of
 * a JDK {@code HttpClient} and of the SDK's {@code ObjectMapper} alone, the SDK's first request against the
 * emulator, and how long the JVM takes to exit after {@code main} returns with the client left open or closed.
 * The probes get only what an application would: the SDK's jars, Jackson and slf4j-api (no provider). Runs on
 * this JVM's {@code java}, and also on {@code -Dfireworks4j.otherJava=/path/to/bin/java} if given.
 * Writes {@code target/reliability/startup.md}; asserts only that every probe ran.
 */
class StartupTest {
  static final int ROUNDS = 3;

  @Test
  void measuresColdCostsFirstRequestAndExitDelay() throws Exception {
    List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String other = System.getProperty("fireworks4j.otherJava");
    if (other != null) {
      javas.add(other);
    }
    StringBuilder md = new StringBuilder("| java | HttpClient cold (ms) | ObjectMapper cold (ms) | JVM start → main (ms)"
        + " | client built (ms) | first response (ms) | exit after main, client open (ms)"
        + " | exit after main, client closed (ms) |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
    try (FireworksEmulator emulator = FireworksEmulator.builder().deployment("d", 1).start()) {
      String[] target = {emulator.baseUri().toString(), emulator.apiKey(), emulator.deploymentName("d")};
      for (String java : javas) {
        Map<String, Long> medians = new LinkedHashMap<>();
        for (String mode : new String[] {"httpclient", "mapper", "open", "close"}) {
          List<Map<String, Long>> runs = new ArrayList<>();
          for (int i = 0; i < ROUNDS; i++) {
            runs.add(probe(java, mode, target));
          }
          for (String key : runs.get(0).keySet()) {
            medians.put(mode.equals("close") && !key.equals("exit_ms") ? "close_" + key : mode + "_" + key,
                median(runs, key));
          }
        }
        md.append("| ").append(version(java)).append(" | ").append(medians.get("httpclient_httpclient_ms"))
            .append(" | ").append(medians.get("mapper_mapper_ms")).append(" | ")
            .append(medians.get("open_jvm_to_main_ms")).append(" | ").append(medians.get("open_client_built_ms"))
            .append(" | ").append(medians.get("open_first_response_ms")).append(" | ")
            .append(medians.get("open_exit_ms")).append(" | ").append(medians.get("close_exit_ms")).append(" |\n");
      }
    }
    Path out = Path.of("target", "reliability", "startup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
  }

  /** Runs one probe and returns its figures, with {@code exit_ms} from {@code main-end} to the process's end. */
  private static Map<String, Long> probe(String java, String mode, String[] target) throws Exception {
    List<String> command = new ArrayList<>(List.of(java, "-cp", runtimeClassPath(), StartupProbe.class.getName(),
        mode));
    if (mode.equals("open") || mode.equals("close")) {
      command.addAll(List.of(target));
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, Long> figures = new LinkedHashMap<>();
    long mainEnd = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("main-end")) {
          mainEnd = System.nanoTime();
        } else if (line.contains("=")) {
          figures.put(line.substring(0, line.indexOf('=')), Long.parseLong(line.substring(line.indexOf('=') + 1)));
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(mode + " on " + java).isTrue();
    if (mainEnd != 0) {
      figures.put("exit_ms", (System.nanoTime() - mainEnd) / 1_000_000);
    }
    assertThat(process.exitValue()).as(mode + " on " + java).isZero();
    assertThat(figures).as(mode + " on " + java).isNotEmpty();
    return figures;
  }

  /** What a user's application has: the SDK's jars, Jackson and slf4j-api (and the probe), not the test tools. */
  private static String runtimeClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith("test-classes")
            || entry.matches(".*/(sdk-(core|routers|inference)|fireworks4j)(/target/classes|-\\d[^/]*\\.jar)")
            || entry.matches(".*/(jackson-(core|databind|annotations)|slf4j-api)-.*"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static long median(List<Map<String, Long>> runs, String key) {
    List<Long> values = new ArrayList<>();
    runs.forEach(run -> values.add(run.get(key)));
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  private static String version(String java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    String first = text.lines().findFirst().orElse(java);
    return first.replace("\"", "");
  }
}
