package org.patchbay.core.node;

import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;

/**
 * Told by the call router when a call starts on this node and when it ends, so that another node can
 * settle the call if this one dies in between.
 */
public interface CallTracker {
    CallTracker NONE = new CallTracker() {
        @Override
        public void started(CallRecord call, CallApp app) {
        }

        @Override
        public void ended(String callSid) {
        }
    };

    void started(CallRecord call, CallApp app);

    void ended(String callSid);
}
