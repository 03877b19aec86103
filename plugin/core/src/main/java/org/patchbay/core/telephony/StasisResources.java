package org.patchbay.core.telephony;

import java.util.List;

/** The channels and bridges Asterisk holds for Patchbay's Stasis application right now. */
public record StasisResources(List<String> channelIds, List<String> bridgeIds) {
}
