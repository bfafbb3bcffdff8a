/**
 * mlops4j explain: model-agnostic interpretability for any predict function: permutation
 * importance, partial dependence and ICE curves, and Kernel SHAP.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.explain;

import org.jspecify.annotations.NullMarked;
