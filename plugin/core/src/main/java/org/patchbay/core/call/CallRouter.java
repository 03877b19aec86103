package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import org.patchbay.core.account.Account;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.telephony.EventSink;
import org.patchbay.core.telephony.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns channels entering Stasis into call sessions and hands every PBX event to the session that
 * claimed the resource it is about (its channel, a playback, a recording, a bridge).
 */
public final class CallRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CallRouter.class);

    private final CallServices services;
    private final SessionContexts contexts;
    private final InboundRouting routing;
    private final EndpointDirectory endpoints;
    private final EventRoutes claims;
    private final ConcurrentHashMap<String, CallSession> sessionsBySid = new ConcurrentHashMap<>();
    private Handler<TelephonyEvent> pbxState = event -> { };

    public CallRouter(CallServices services, SessionContexts contexts, InboundRouting routing, EndpointDirectory endpoints,
                      EventRoutes claims) {
        this.services = services;
        this.claims = claims;
        this.contexts = contexts;
        this.routing = routing;
        this.endpoints = endpoints;
    }

    public void start() {
        services.telephony().onEvent(this::dispatch);
    }

    void dispatch(TelephonyEvent event) {
        EventSink owner = claims.owner(event.key());
        if (owner != null) {
            owner.deliver(event);
        } else if (event instanceof TelephonyEvent.StasisStarted started) {
            startInbound(started.channel(), started);
        } else if (event instanceof TelephonyEvent.EndpointStateChanged || event instanceof TelephonyEvent.DeviceStateChanged) {
            pbxState.handle(event);
        }
    }

    /** Endpoint and device states belong to no call: they go to {@code handler} (presence). */
    public void onPbxState(Handler<TelephonyEvent> handler) {
        this.pbxState = handler;
    }

    private void startInbound(ChannelSnapshot channel, TelephonyEvent.StasisStarted started) {
        Context context = contexts.next();
        CallSession session = new CallSession(this, services, context, channel.id());
        claims.claim(channel.id(), session);
        context.runOnContext(v -> {
            if ("Ring".equals(channel.state()) || "Ringing".equals(channel.state())) {
                services.telephony().ring(channel.id());
            }
            routing.resolve(channel, started.args()).onComplete(route -> {
                if (route.succeeded()) {
                    session.beginInbound(route.result(), channel.callerNumber(), channel.callerName());
                } else {
                    LOG.error("channel {}: cannot route the call: {}", channel.id(), route.cause().getMessage());
                    claims.release(channel.id(), session);
                    services.telephony().hangup(channel.id(), "normal");
                }
            });
        });
    }

    /** Starts an outbound leg on one of the session contexts; completes with its queued record. */
    Future<CallRecord> placeOutbound(Account account, CallApp app, CallRecord queued, OriginateRequest originate,
                                     TwimlDocument inline, String sendDigits, int timeLimitSeconds) {
        Context context = contexts.next();
        CallSession session = new CallSession(this, services, context, originate.channelId());
        claims.claim(originate.channelId(), session);
        Promise<CallRecord> placed = Promise.promise();
        context.runOnContext(v -> {
            session.beginOutbound(account, app, queued, originate, inline, sendDigits, timeLimitSeconds);
            placed.complete(queued);
        });
        return placed.future();
    }

    /** Rings a party for {@code parent}'s Dial, on the parent's context so both sides share one thread. */
    Future<CallLeg> placeDialLeg(CallSession parent, DialLegRequest request, DialLegObserver observer) {
        String endpoint;
        try {
            endpoint = request.endpoint() != null ? request.endpoint()
                    : endpoints.forAccount(parent.account().sid()).endpointFor(request.to());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        CallRecord parentRecord = parent.record();
        Instant now = Instant.now();
        String sid = newCallSid();
        CallRecord queued = new CallRecord(sid, parentRecord.accountSid(), parentRecord.sid(), request.from(), request.to(),
                null, null, CallStatus.QUEUED, Direction.OUTBOUND_DIAL, null, now, now, null, null, null, null, sid, nodeId());
        OriginateRequest originate = new OriginateRequest(endpoint, sid, null, request.from(), request.timeoutSeconds(),
                List.of("dial", parentRecord.sid()), parent.channelId(), null, Map.of());
        CallSession leg = new CallSession(this, services, parent.context(), sid);
        claims.claim(sid, leg);
        leg.beginDialLeg(parent.account(), queued, originate, request, observer);
        return Future.succeededFuture(leg);
    }

    String nodeId() {
        return services.nodeId();
    }

    String newCallSid() {
        return Sids.next(Sids.CALL);
    }

    EventRoutes routes() {
        return claims;
    }

    void registered(CallSession session) {
        sessionsBySid.put(session.sid(), session);
    }

    void ended(CallSession session) {
        claims.release(session.channelId(), session);
        if (session.sid() != null) {
            sessionsBySid.remove(session.sid(), session);
        }
    }

    /** The live call with this SID on this node, or null. */
    public CallSession session(String callSid) {
        return sessionsBySid.get(callSid);
    }

    public Collection<CallSession> liveSessions() {
        return sessionsBySid.values();
    }

    /** How many PBX resources sessions hold: zero when no call is up (tests assert nothing leaked). */
    public int claimCount() {
        return claims.size();
    }
}
