package org.patchbay.server.api;

import org.patchbay.core.conference.LiveConferences;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.queue.LiveQueues;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.conferences.ConferenceRoutes;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.members.MemberRoutes;
import org.patchbay.server.api.participants.ParticipantRoutes;
import org.patchbay.server.api.queues.QueueRoutes;

import java.util.ArrayList;
import java.util.List;

/** The routes over the rooms calls share: Conferences with their Participants, Queues with their Members. */
public final class RoomRoutes {
    private RoomRoutes() {
    }

    public static List<Endpoint> endpoints(Store store, LiveCalls liveCalls, LiveConferences conferences, LiveQueues queues) {
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new ConferenceRoutes(store, conferences).endpoints());
        all.addAll(new ParticipantRoutes(store, liveCalls, conferences).endpoints());
        all.addAll(new QueueRoutes(store, queues).endpoints());
        all.addAll(new MemberRoutes(store, queues).endpoints());
        return List.copyOf(all);
    }
}
