package org.patchbay.server.simulate;

import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;

import java.util.List;

/**
 * What following one call saw.
 *
 * @param lastRecord the call's record as of its latest event; null if Patchbay never took the call
 * @param ended      the call reached a final status (false when the follower was cut short)
 */
record Followed(InboundCall call, List<Step> steps, CallRecord lastRecord, List<HeardEntry> heard, boolean ended) {
}
