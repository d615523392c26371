package dev.fireworks4j.routers.model;

import dev.fireworks4j.core.error.ValidationException;
import java.util.List;
import java.util.Optional;

/** Client-side checks shared by the parameter types; each failure names the field. */
final class Checks {
  /** The server requires display names shorter than this. */
  static final int MAX_DISPLAY_NAME_LENGTH = 64;
  /** The largest page the server returns. */
  static final int MAX_PAGE_SIZE = 200;

  private Checks() {}

  static void displayName(Optional<String> displayName) {
    displayName.ifPresent(name -> {
      if (name.length() >= MAX_DISPLAY_NAME_LENGTH) {
        throw new ValidationException("displayName",
            "must be fewer than " + MAX_DISPLAY_NAME_LENGTH + " characters, was " + name.length());
      }
    });
  }

  static void notNegative(String field, Optional<Integer> value) {
    value.ifPresent(v -> {
      if (v < 0) {
        throw new ValidationException(field, "must be 0 or more, was " + v);
      }
    });
  }

  static void replicaRange(Optional<Integer> min, Optional<Integer> max) {
    notNegative("minReplicaCount", min);
    notNegative("maxReplicaCount", max);
    if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
      throw new ValidationException("maxReplicaCount",
          "must not be below minReplicaCount (" + min.get() + "), was " + max.get());
    }
  }

  static void notBlank(String field, Optional<String> value) {
    value.ifPresent(v -> {
      if (v.isBlank()) {
        throw new ValidationException(field, "must not be blank");
      }
    });
  }

  static void deployments(List<String> deployments) {
    if (deployments.isEmpty()) {
      throw new ValidationException("deployments", "a router needs at least one deployment");
    }
    for (String deployment : deployments) {
      if (deployment.isBlank()) {
        throw new ValidationException("deployments", "must not contain a blank name");
      }
    }
  }

  static void pageSize(Optional<Integer> pageSize) {
    pageSize.ifPresent(size -> {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new ValidationException("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + ", was " + size);
      }
    });
  }
}
