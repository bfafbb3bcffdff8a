package org.mlops4j.serving.internal;

import java.time.Instant;

/**
 * An immutable loaded model: published through an {@code AtomicReference} only once fully built, so
 * a request reads one consistent holder and finishes on it even if a swap happens meanwhile.
 *
 * @param version the version number
 * @param model the model
 * @param loadedAt when it was loaded
 * @param <M> the model type
 */
public record Loaded<M>(int version, M model, Instant loadedAt) {}
