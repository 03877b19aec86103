package org.patchbay.testkit.telephony;

import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.TelephonyEvent.DialProgress;

/**
 * What the party at the other end of an originated channel does, with the events Asterisk sends for
 * it: {@code Dial} progress, then {@code StasisStart} once answered, or {@code ChannelDestroyed} with
 * the Q.850 cause of a busy line (17) or a phone nobody picks up (19).
 */
public enum FarEnd {
    ANSWERS {
        @Override
        void act(MemoryCall far, OriginateRequest request) {
            far.progress(request, "");
            far.progress(request, "RINGING");
            far.progress(request, "ANSWER");
            far.enterStasisAnswered(request.appArgs());
        }
    },
    BUSY {
        @Override
        void act(MemoryCall far, OriginateRequest request) {
            far.progress(request, "");
            far.progress(request, "BUSY");
            far.destroyed(17, "User busy");
        }
    },
    NO_ANSWER {
        @Override
        void act(MemoryCall far, OriginateRequest request) {
            far.progress(request, "");
            far.progress(request, "RINGING");
            far.destroyed(19, "No answer");
        }
    },
    /** Rings until Patchbay hangs the channel up, or the originate's timeout passes (then cause 19, as Asterisk). */
    RINGS {
        @Override
        void act(MemoryCall far, OriginateRequest request) {
            far.progress(request, "");
            far.progress(request, "RINGING");
            far.noAnswerAfter(request.timeoutSeconds());
        }
    };

    abstract void act(MemoryCall far, OriginateRequest request);

    static DialProgress dial(String peer, OriginateRequest request, String status) {
        return new DialProgress(peer, request.originator(), status);
    }
}
