package dev.fireworks4j.examples.demo;

import dev.fireworks4j.Fireworks;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Sends chat completions to a model name, as an application would, from a few threads at once. Retries are off,
 * so that every failed attempt counts as a failed request, and each answer's {@code fireworks-deployment} header
 * says which deployment served it.
 */
final class LoadGenerator {
  private static final Duration BACKGROUND_PAUSE = Duration.ofMillis(5);

  private final Fireworks client;

  LoadGenerator(Fireworks client) {
    this.client = client.withOptions(options -> options.maxRetries(0));
  }

  /** Sends {@code requests} requests, {@code concurrency} at a time, advancing {@code progress} per request. */
  Sample send(String model, int requests, int concurrency, Console.Progress progress) {
    AtomicInteger left = new AtomicInteger(requests);
    return run(model, concurrency, () -> left.getAndDecrement() > 0, progress::advance);
  }

  /**
   * Keeps {@code concurrency} requests in flight for {@code warmUp} and then {@code duration}; returns only the
   * requests that started after the warm-up.
   */
  Sample sendFor(String model, Duration warmUp, Duration duration, int concurrency, Console.Progress progress) {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    Sample all = run(model, concurrency, () -> System.nanoTime() < end,
        () -> progress.set((System.nanoTime() - start) / 1_000_000));
    List<Sample.Outcome> measured = new ArrayList<>();
    for (Sample.Outcome outcome : all.outcomes()) {
      if (outcome.started() >= measureFrom) {
        measured.add(outcome);
      }
    }
    return new Sample(measured, duration);
  }

  /** Starts one thread sending requests back to back, with a short pause, until {@link Background#stop()}. */
  Background background(String model) {
    return new Background(model);
  }

  private Sample run(String model, int concurrency, BooleanSupplier more, Runnable afterEach) {
    ChatCompletionParams params = params(model);
    List<List<Sample.Outcome>> perWorker = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      List<Sample.Outcome> outcomes = new ArrayList<>();
      perWorker.add(outcomes);
      Thread worker = new Thread(() -> {
        while (more.getAsBoolean()) {
          outcomes.add(call(params));
          afterEach.run();
        }
      }, "fw4j-demo-load-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      joinUninterruptibly(worker);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    List<Sample.Outcome> all = new ArrayList<>();
    perWorker.forEach(all::addAll);
    return new Sample(all, elapsed);
  }

  private Sample.Outcome call(ChatCompletionParams params) {
    long start = System.nanoTime();
    try {
      RawResponse<ChatCompletion> response = client.chat().completions().withRawResponse().create(params);
      return new Sample.Outcome(response.metadata().deployment().orElse(null), start, System.nanoTime() - start,
          null);
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return new Sample.Outcome(null, start, System.nanoTime() - start,
          e.getClass().getSimpleName() + ": " + message);
    }
  }

  private static ChatCompletionParams params(String model) {
    return ChatCompletionParams.builder().model(model).addUserMessage("Say hello in five words.").maxTokens(8)
        .build();
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Requests sent from one thread until stopped, in order. */
  final class Background {
    private final Thread thread;
    private final List<Sample.Outcome> outcomes = new ArrayList<>();
    private volatile boolean stopped;
    private final long started = System.nanoTime();

    private Background(String model) {
      ChatCompletionParams params = params(model);
      this.thread = new Thread(() -> {
        while (!stopped) {
          Sample.Outcome outcome = call(params);
          synchronized (outcomes) {
            outcomes.add(outcome);
          }
          pause();
        }
      }, "fw4j-demo-background");
      thread.setDaemon(true);
      thread.start();
    }

    /** How many requests {@code deployment} (full name) served so far. */
    long servedBy(String deployment) {
      synchronized (outcomes) {
        return outcomes.stream().filter(o -> deployment.equals(o.servedBy())).count();
      }
    }

    /** Stops after the request in flight and returns every outcome, in order. */
    Sample stop() {
      stopped = true;
      joinUninterruptibly(thread);
      return new Sample(outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    private void pause() {
      try {
        Thread.sleep(BACKGROUND_PAUSE.toMillis());
      } catch (InterruptedException e) {
        stopped = true;
        Thread.currentThread().interrupt();
      }
    }
  }
}
