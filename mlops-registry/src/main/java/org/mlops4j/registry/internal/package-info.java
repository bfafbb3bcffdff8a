/** The registry's store, locks, object store, audit log and gate evaluation (not exported). */
@NullMarked
package org.mlops4j.registry.internal;

import org.jspecify.annotations.NullMarked;
