package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.conference.ConferenceRooms;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialConference;
import org.patchbay.core.twiml.DialQueue;

/** {@code <Dial>}: numbers, SIP URIs and clients ring as in {@link DialRun}; a conference is joined as in {@link ConferenceRun}; a queue is served as in {@link QueueDialRun}. */
public final class DialExecutor implements VerbExecutor<Dial> {
    private final ConferenceRooms conferences;
    private final QueueRooms queues;

    public DialExecutor(ConferenceRooms conferences, QueueRooms queues) {
        this.conferences = conferences;
        this.queues = queues;
    }

    @Override
    public Future<Next> execute(CallControl call, Dial dial) {
        if (dial.nouns().get(0) instanceof DialConference conference) {
            return new ConferenceRun(call, dial, conference, conferences).start();
        }
        if (dial.nouns().get(0) instanceof DialQueue queue) {
            return new QueueDialRun(call, dial, queue, queues).start();
        }
        return new DialRun(call, dial).start();
    }
}
