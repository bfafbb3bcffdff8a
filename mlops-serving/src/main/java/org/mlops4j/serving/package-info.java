/**
 * mlops4j serving: a model service behind a registry alias, with hot swap, shadow and canary
 * releases, monitoring (Micrometer optional) and retraining.
 *
 * <ul>
 *   <li>{@link org.mlops4j.serving.ModelService}: the service ({@code builder(registry, name,
 *       loader)}, {@code predict}, {@code feedback}, {@code refresh}, {@code shadowReport}, {@code
 *       skewReport}, {@code stats});
 *   <li>{@link org.mlops4j.serving.Predictor}: what a loader returns;
 *   <li>{@link org.mlops4j.serving.CanaryPolicy}: canary share and rollback bounds;
 *   <li>{@link org.mlops4j.serving.Retraining}, {@link org.mlops4j.serving.RetrainingCallback},
 *       {@link org.mlops4j.serving.RetrainingRequest}: when to retrain and what runs;
 *   <li>{@link org.mlops4j.serving.ShadowReport}, {@link org.mlops4j.serving.ServingStats}:
 *       results;
 *   <li>{@link org.mlops4j.serving.ServingEvent}, {@link org.mlops4j.serving.ServingEventType},
 *       {@link org.mlops4j.serving.ServingListener}: swaps and alerts;
 *   <li>{@link org.mlops4j.serving.PredictionException}: the model threw.
 * </ul>
 *
 * The Micrometer binder is {@code org.mlops4j.serving.micrometer.ServingMetrics}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.serving;

import org.jspecify.annotations.NullMarked;
