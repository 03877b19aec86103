package org.patchbay.core.call;

/** A scheduled action that may be called off. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
