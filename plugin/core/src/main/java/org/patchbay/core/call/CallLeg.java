package org.patchbay.core.call;

/** A dialled party as its {@code <Dial>} sees it. */
public interface CallLeg {

    CallRecord record();

    String channelId();

    /** Hangs the leg up: an unanswered leg ends {@code canceled}, an answered one {@code completed}. */
    void cancel();
}
