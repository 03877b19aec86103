package org.patchbay.server.api.participants;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.conference.Conference;
import org.patchbay.core.conference.LiveConferences;
import org.patchbay.core.conference.Participant;
import org.patchbay.core.conference.ParticipantChange;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /Conferences/{ConferenceSid}/Participants}: the calls in a conference, read from the store;
 * dial in, mute, hold and kick through {@link LiveConferences}. As on Twilio, a participant that left is no
 * longer listed or found. A participant is addressed by its call SID or by its label.
 */
public final class ParticipantRoutes {
    static final List<String> FILTERS = List.of("Muted", "Hold", "Coaching");
    private static final String CONNECTED = "connected";

    /** How long a room SID answered for a dialled call is kept for it beyond its ring timeout. */
    private static final long JOIN_GRACE_MILLIS = 60_000;
    private static final int MAX_NAME = 128;

    private final Store store;
    private final LiveCalls liveCalls;
    private final LiveConferences conferences;

    public ParticipantRoutes(Store store, LiveCalls liveCalls, LiveConferences conferences) {
        this.store = store;
        this.liveCalls = liveCalls;
        this.conferences = conferences;
    }

    public List<Endpoint> endpoints() {
        String one = "/Conferences/{ConferenceSid}/Participants/{CallSid}.json";
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Conferences/{ConferenceSid}/Participants.json", this::create),
                Endpoint.account(HttpMethod.GET, "/Conferences/{ConferenceSid}/Participants.json", this::list),
                Endpoint.account(HttpMethod.GET, one, this::fetch),
                Endpoint.account(HttpMethod.POST, one, this::update),
                Endpoint.account(HttpMethod.DELETE, one, this::delete));
    }

    /**
     * Dials {@code To} from {@code From}; once answered the callee joins the conference, which it opens
     * when it is not running yet. {@code ConferenceSid} is the room's SID or, as on Twilio, its name.
     * The participant is answered {@code queued} with the call's SID, as it stands before it joins.
     */
    private Future<Reply> create(ApiRequest request) {
        String id = request.pathParam("ConferenceSid");
        Future<String> name;
        if (Sids.isSid(Sids.CONFERENCE, id)) {
            name = conference(request).compose(c -> "completed".equals(c.status())
                    ? Future.failedFuture(PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER,
                    "Conference " + c.sid() + " is completed; dial into a new one by its name"))
                    : Future.succeededFuture(c.friendlyName()));
        } else if (id.isBlank() || id.length() > MAX_NAME) {
            return Future.failedFuture(Params.invalid("A conference name is 1 to " + MAX_NAME + " characters long"));
        } else {
            name = Future.succeededFuture(id);
        }
        String account = request.accountSid();
        return name.compose(room -> {
            ParticipantCreation.Dialled dialled = ParticipantCreation.read(account, room, request.params());
            return liveCalls.create(dialled.call()).compose(call -> conferences.prepare(account, room, call.sid(),
                            dialled.label(), dialled.timeoutSeconds() * 1000L + JOIN_GRACE_MILLIS)
                    .map(conferenceSid -> {
                        Instant now = Instant.now();
                        return Reply.created(ParticipantJson.of(new Participant(call.sid(), account, conferenceSid,
                                dialled.muted(), false, dialled.startConferenceOnEnter(), dialled.endConferenceOnExit(),
                                dialled.label(), "queued", now, now)));
                    }));
        });
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        Boolean muted = params.bool("Muted");
        Boolean hold = params.bool("Hold");
        Boolean coaching = params.bool("Coaching");
        return conference(request).compose(conference -> {
            Predicate<Participant> filter = p -> p.conferenceSid().equals(conference.sid()) && CONNECTED.equals(p.status())
                    && (muted == null || muted == p.muted())
                    && (hold == null || hold == p.hold())
                    && (coaching == null || !coaching);
            return store.of(Participant.KIND).list(request.accountSid(), filter, paging.offset(), paging.pageSize());
        }).map(page -> Reply.ok(paging.body("participants", page.items().stream().map(ParticipantJson::of).toList(),
                page, request.path(), params, FILTERS)));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return participant(request).map(p -> Reply.ok(ParticipantJson.of(p)));
    }

    /**
     * {@code Muted}, {@code Hold} (with {@code HoldUrl}/{@code HoldMethod}), {@code BeepOnExit} and
     * {@code EndConferenceOnExit} change the live participant; {@code AnnounceUrl} plays its document to
     * that participant alone. Wait documents and coaching are not in Patchbay: asking for them is refused.
     */
    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        for (String unsupported : List.of("WaitUrl", "CallSidToCoach")) {
            String value = params.get(unsupported);
            if (value != null && !value.isEmpty()) {
                return Future.failedFuture(Params.invalid(unsupported + " is not supported by Patchbay yet"));
            }
        }
        if (Boolean.TRUE.equals(params.bool("Coaching"))) {
            return Future.failedFuture(Params.invalid("Coaching is not supported by Patchbay yet"));
        }
        String announce = params.url("AnnounceUrl");
        String announceMethod = params.method("AnnounceMethod");
        params.method("WaitMethod");
        String holdUrl = params.url("HoldUrl");
        String holdMethod = params.method("HoldMethod");
        ParticipantChange change = new ParticipantChange(params.bool("Muted"), params.bool("Hold"),
                holdUrl == null || holdUrl.isEmpty() ? null : holdUrl, holdMethod == null ? "POST" : holdMethod,
                params.bool("BeepOnExit"), params.bool("EndConferenceOnExit"));
        String account = request.accountSid();
        return participant(request)
                .compose(p -> conferences.change(account, p.conferenceSid(), p.callSid(), change))
                .compose(p -> announce == null || announce.isEmpty() ? Future.succeededFuture(p)
                        : conferences.announce(account, p.conferenceSid(), p.callSid(), announce,
                        announceMethod == null ? "POST" : announceMethod).map(p))
                .map(p -> Reply.ok(ParticipantJson.of(p)));
    }

    private Future<Reply> delete(ApiRequest request) {
        return participant(request)
                .compose(p -> conferences.kick(request.accountSid(), p.conferenceSid(), p.callSid()))
                .map(v -> Reply.noContent());
    }

    private Future<Conference> conference(ApiRequest request) {
        return Records.owned(store, Conference.KIND, Sids.CONFERENCE, request.accountSid(),
                request.pathParam("ConferenceSid"), request.path());
    }

    /** The connected participant named by call SID or label; 404 otherwise, another account's included. */
    private Future<Participant> participant(ApiRequest request) {
        String id = request.pathParam("CallSid");
        return conference(request).compose(conference -> {
            Future<Participant> found = Sids.isSid(Sids.CALL, id)
                    ? store.of(Participant.KIND).get(request.accountSid(), id)
                    : store.of(Participant.KIND).list(request.accountSid(),
                            p -> id.equals(p.label()) && p.conferenceSid().equals(conference.sid()) && CONNECTED.equals(p.status()), 0, 1)
                    .map(page -> page.items().isEmpty() ? null : page.items().get(0));
            return found.compose(p -> p != null && p.conferenceSid().equals(conference.sid()) && CONNECTED.equals(p.status())
                    ? Future.succeededFuture(p)
                    : Future.failedFuture(PatchbayException.notFound(request.path())));
        });
    }
}
