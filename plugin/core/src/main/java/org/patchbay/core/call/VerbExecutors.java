package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.conference.ConferenceRooms;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.call.verb.ConnectExecutor;
import org.patchbay.core.call.verb.DialExecutor;
import org.patchbay.core.call.verb.EnqueueExecutor;
import org.patchbay.core.call.verb.LeaveExecutor;
import org.patchbay.core.call.verb.GatherExecutor;
import org.patchbay.core.call.verb.HangupExecutor;
import org.patchbay.core.call.verb.RecordExecutor;
import org.patchbay.core.call.verb.PauseExecutor;
import org.patchbay.core.call.verb.PlayExecutor;
import org.patchbay.core.call.verb.RedirectExecutor;
import org.patchbay.core.call.verb.RejectExecutor;
import org.patchbay.core.call.verb.SayExecutor;
import org.patchbay.core.call.verb.StartExecutor;
import org.patchbay.core.call.verb.StopExecutor;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Connect;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.Enqueue;
import org.patchbay.core.twiml.Leave;
import org.patchbay.core.twiml.Gather;
import org.patchbay.core.twiml.Hangup;
import org.patchbay.core.twiml.RecordVerb;
import org.patchbay.core.twiml.Pause;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Redirect;
import org.patchbay.core.twiml.Reject;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.Start;
import org.patchbay.core.twiml.Stop;
import org.patchbay.core.twiml.Verb;

import org.patchbay.core.presence.Presence;

import java.util.HashMap;
import java.util.Map;

/** Which executor runs which verb. A verb without an executor is reported and skipped. */
public final class VerbExecutors {
    private final Map<Class<? extends Verb>, VerbExecutor<? extends Verb>> executors = new HashMap<>();

    public static VerbExecutors standard(ConferenceRooms conferences, QueueRooms queues, Presence presence) {
        return new VerbExecutors()
                .register(Say.class, new SayExecutor())
                .register(Play.class, new PlayExecutor())
                .register(Pause.class, new PauseExecutor())
                .register(Hangup.class, new HangupExecutor())
                .register(Reject.class, new RejectExecutor())
                .register(Redirect.class, new RedirectExecutor())
                .register(Gather.class, new GatherExecutor())
                .register(RecordVerb.class, new RecordExecutor())
                .register(Dial.class, new DialExecutor(conferences, queues, presence))
                .register(Enqueue.class, new EnqueueExecutor(queues))
                .register(Leave.class, new LeaveExecutor());
    }

    /** The standard verbs plus the Media Streams verbs ({@code <Connect>}, {@code <Start>}, {@code <Stop>}), whose WebSockets {@code streams} opens. */
    public static VerbExecutors standard(ConferenceRooms conferences, QueueRooms queues, Presence presence,
                                         StreamConnector streams) {
        return standard(conferences, queues, presence).register(Connect.class, new ConnectExecutor(streams))
                .register(Start.class, new StartExecutor(streams))
                .register(Stop.class, new StopExecutor());
    }

    public <V extends Verb> VerbExecutors register(Class<V> verb, VerbExecutor<V> executor) {
        executors.put(verb, executor);
        return this;
    }

    @SuppressWarnings("unchecked")
    Future<Next> execute(CallControl call, Verb verb) {
        VerbExecutor<Verb> executor = (VerbExecutor<Verb>) executors.get(verb.getClass());
        if (executor == null) {
            call.warn(ErrorCode.SCHEMA_VALIDATION_WARNING.code(),
                    "<" + verb.getClass().getSimpleName() + "> is not supported by this Patchbay yet; skipped");
            return Future.succeededFuture(Next.CONTINUE);
        }
        return executor.execute(call, verb);
    }
}
