package org.patchbay.server.dashboard;

import org.patchbay.core.events.delivery.SinkStats;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.store.Store;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.server.api.limits.LimitStanding;

/** Where the dashboard's account panels read from: the shared stores (Redis in a cluster) and this node's sink figures. */
public record PanelPorts(Store store, LimitStanding limits, UsageStore usage, Presence presence, SinkStats sinkStats) {
}
