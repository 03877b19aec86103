package org.patchbay.core.call;

import org.patchbay.core.endpoint.EndpointDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import org.patchbay.core.account.Account;
import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.limits.CallAdmission;
import org.patchbay.core.limits.CallLimitReached;
import org.patchbay.core.limits.Slot;
import org.patchbay.core.node.CallTracker;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.events.ChannelEventRepublished;
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
    private final CallAdmission admission;
    private final ConcurrentHashMap<String, CallSession> sessionsBySid = new ConcurrentHashMap<>();
    private Handler<TelephonyEvent> pbxState = event -> { };
    private CallTracker tracker = CallTracker.NONE;
    private volatile boolean refusingNewCalls;

    public CallRouter(CallServices services, SessionContexts contexts, InboundRouting routing, EndpointDirectory endpoints,
                      EventRoutes claims, CallAdmission admission) {
        this.services = services;
        this.admission = admission;
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
            if (owner instanceof CallSession call && call.record() != null) {
                services.events().publish(new ChannelEventRepublished(call.record(), Instant.now(), event));
            }
            owner.deliver(event);
        } else if (event instanceof TelephonyEvent.StasisStarted started && refusingNewCalls) {
            LOG.info("channel {}: refused busy, this node is draining", started.channel().id());
            services.telephony().hangup(started.channel().id(), "busy");
        } else if (event instanceof TelephonyEvent.StasisStarted started) {
            startInbound(started.channel(), started);
        } else if (event instanceof TelephonyEvent.EndpointStateChanged || event instanceof TelephonyEvent.DeviceStateChanged) {
            pbxState.handle(event);
        }
    }

    /** Tells {@code tracker} when calls start and end here (so another node can settle them if this one dies). */
    public void track(CallTracker callTracker) {
        this.tracker = callTracker;
    }

    /** Draining: channels entering Stasis from now on are hung up busy, API calls refused; live calls go on. */
    public void refuseNewCalls() {
        refusingNewCalls = true;
    }

    public boolean refusingNewCalls() {
        return refusingNewCalls;
    }

    CallTracker tracker() {
        return tracker;
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
                    admitInbound(session, channel, route.result());
                } else {
                    LOG.error("channel {}: cannot route the call: {}", channel.id(), route.cause().getMessage());
                    claims.release(channel.id(), session);
                    services.telephony().hangup(channel.id(), "normal");
                }
            });
        });
    }

    /** Over the account's call limit the caller hears busy before anything is fetched, and the account gets a 10004. */
    private void admitInbound(CallSession session, ChannelSnapshot channel, InboundRoute route) {
        admission.admit(route.account()).onComplete(admitted -> {
            if (admitted.succeeded()) {
                holdUntilEnded(session, admitted.result());
                session.beginInbound(route, channel.callerNumber(), channel.callerName());
                if (session.record() != null && !session.whenEnded().isComplete()) {
                    tracker.started(session.record(), route.app());
                }
                return;
            }
            LOG.info("channel {}: refused: {}", channel.id(), admitted.cause().getMessage());
            rejected(route.account().sid(), null, "inbound call from " + channel.callerNumber() + " to " + route.to(), admitted.cause());
            services.notifications().error(route.account().sid(), null, ErrorCode.CALL_CONCURRENCY_LIMIT,
                    "Inbound call from " + channel.callerNumber() + " to " + route.to() + " refused: " + admitted.cause().getMessage(),
                    Notifications.Request.NONE);
            claims.release(channel.id(), session);
            services.telephony().hangup(channel.id(), "busy");
        });
    }

    /** A call refused over a limit is an event for the account's subscribers (a closed limiter's refusal is not). */
    private void rejected(String accountSid, String callSid, String what, Throwable cause) {
        if (cause instanceof CallLimitReached full) {
            services.events().publish(new LimitRejected(accountSid, LimitRejected.CONCURRENT_CALLS, full.count(), full.inFlight(),
                    callSid, what, Instant.now()));
        }
    }

    private static void holdUntilEnded(CallSession session, Slot slot) {
        session.whenEnded().onComplete(ended -> slot.release());
    }

    /** Starts an outbound leg, holding {@code slot} while it lives, on one of the session contexts; completes with its queued record. */
    Future<CallRecord> placeOutbound(Account account, CallApp app, CallRecord queued, OriginateRequest originate,
                                     TwimlDocument inline, String sendDigits, int timeLimitSeconds,
                                     CallRecordingOptions recording, Slot slot) {
        Context context = contexts.next();
        CallSession session = new CallSession(this, services, context, originate.channelId());
        claims.claim(originate.channelId(), session);
        holdUntilEnded(session, slot);
        Promise<CallRecord> placed = Promise.promise();
        context.runOnContext(v -> {
            session.beginOriginated(account, app, queued, originate,
                    new CallStart.ApiCall(sendDigits, timeLimitSeconds, recording, app.machineDetection()), inline);
            placed.complete(queued);
        });
        return placed.future();
    }

    /**
     * Rings a party for {@code parent}'s Dial, on the parent's context so both sides share one thread.
     * The leg is a live call of the account: over its limit it is not rung and fails with 10004.
     */
    Future<CallLeg> placeDialLeg(CallSession parent, DialLegRequest request, DialLegObserver observer) {
        String endpoint;
        try {
            endpoint = request.endpoint() != null ? request.endpoint()
                    : endpoints.forAccount(parent.account().sid()).endpointFor(request.to());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        Promise<CallLeg> placed = Promise.promise();
        admission.admit(parent.account()).onComplete(admitted -> parent.context().runOnContext(v -> {
            if (admitted.failed()) {
                rejected(parent.account().sid(), parent.record().sid(), "Dial leg to " + request.to(), admitted.cause());
                placed.fail(admitted.cause());
            } else if (parent.whenEnded().isComplete()) {
                admitted.result().release();
                placed.fail("the call has ended");
            } else {
                placed.complete(ringLeg(parent, request, observer, endpoint, admitted.result()));
            }
        }));
        return placed.future();
    }

    private CallLeg ringLeg(CallSession parent, DialLegRequest request, DialLegObserver observer, String endpoint, Slot slot) {
        CallRecord parentRecord = parent.record();
        Instant now = Instant.now();
        String sid = newCallSid();
        CallRecord queued = CallRecord.newCall(sid, parentRecord.accountSid(), Direction.OUTBOUND_DIAL, CallStatus.QUEUED, now)
                .parentCallSid(parentRecord.sid()).between(request.from(), request.to()).carriedBy(sid, nodeId()).build();
        OriginateRequest originate = MachineDetection.route(new OriginateRequest(endpoint, sid, null, request.from(),
                request.timeoutSeconds(), List.of("dial", parentRecord.sid()), parent.channelId(), null, Map.of()),
                request.app().machineDetection());
        CallSession leg = new CallSession(this, services, parent.context(), sid);
        claims.claim(sid, leg);
        holdUntilEnded(leg, slot);
        tracker.started(queued, request.app());
        leg.beginOriginated(parent.account(), request.app(), queued, originate, new CallStart.DialLeg(request, observer), null);
        return leg;
    }

    CallAdmission admission() {
        return admission;
    }

    io.vertx.core.Vertx vertx() {
        return services.vertx();
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
            tracker.ended(session.sid());
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
