package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.application.Application;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.UsageTrigger;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.testkit.SampleRecords;

import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchbay.core.conference.Conference;
import org.patchbay.core.conference.Participant;
import org.patchbay.core.queue.Queue;
import org.patchbay.core.queue.QueueMember;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every route of the API against resources of one subaccount: without credentials, with
 * wrong ones, and with the credentials of its sibling. None may ever succeed, and the sibling must
 * not even learn that the resources exist.
 */
class AuthorizationIT {
    private static ApiServer server;
    private static Account target;
    private static Map<String, String> sids;
    private static ApiKey siblingKey;
    /** The {Type} of v1 paths: a type the target's subscription has, and one the catalog lists. */
    private static final String TYPE = "com.twilio.voice.status-callback.call.answered";
    private static final String SCHEMA = "com.twilio.voice.status-callback.call";

    @BeforeAll
    static void seed() {
        server = ApiServer.start();
        target = server.sub;
        Instant now = Instant.now();
        String owner = target.sid();
        CallRecord call = server.put(CallRecord.KIND, SampleRecords.call(Sids.next(Sids.CALL), owner, now));
        Sink sink = server.put(Sink.KIND, Sink.create(Sids.next(Sink.SID_PREFIX), owner, "hook", SinkType.WEBHOOK,
                Map.of("destination", "http://127.0.0.1:9/events"), now));
        Subscription subscription = server.put(Subscription.KIND, new Subscription(Sids.next(Subscription.SID_PREFIX), owner,
                sink.sid(), "answered", List.of(new SubscribedType(TYPE, 1)), null, null, now, now));
        sids = new java.util.HashMap<>(Map.of(
                "Sinks", sink.sid(),
                "Subscriptions", subscription.sid(),
                "Accounts", owner,
                "Calls", call.sid(),
                "Keys", server.put(ApiKey.KIND, new ApiKey(Sids.next(Sids.API_KEY), owner, "s3cret", "k", now, now)).sid(),
                "IncomingPhoneNumbers", server.put(PhoneNumber.KIND,
                        SampleRecords.number(Sids.next(Sids.PHONE_NUMBER), owner, "+15557770000", now)).sid(),
                "Applications", server.put(Application.KIND, SampleRecords.application(Sids.next(Sids.APPLICATION), owner, now)).sid(),
                "Recordings", server.put(Recording.KIND, recording(owner, call.sid(), now)).sid(),
                "Notifications", server.put(Notification.KIND, notification(owner, call.sid(), now)).sid(),
                "Triggers", usageTrigger(owner, now)));
        Conference conference = server.put(Conference.KIND, new Conference(Sids.next(Sids.CONFERENCE), owner, "room",
                "in-progress", null, null, now, now));
        server.put(Participant.KIND, new Participant(call.sid(), owner, conference.sid(), false, false, true, false, null,
                "connected", now, now));
        Queue queue = server.put(Queue.KIND, new Queue(Sids.next(Sids.QUEUE), owner, "line", 1, 10, 0, now, now));
        server.put(QueueMember.KIND, new QueueMember(call.sid(), owner, queue.sid(), 1, now, now));
        sids.put("Conferences", conference.sid());
        sids.put("Queues", queue.sid());
        // Streams are not stored: a stream SID only has to be well formed for the refusal to come first.
        sids.put("Streams", "MZ" + "0".repeat(32));
        siblingKey = server.put(ApiKey.KIND, new ApiKey(Sids.next(Sids.API_KEY), server.sibling.sid(), "sibling-secret", "k", now, now));
        // /v1/Presence addresses the caller's own account: each has its own alice, none sees another's
        for (Account account : List.of(target, server.sibling, server.main)) {
            server.presence.register(new Device(account.sid(), "alice", "DV1", "PJSIP/alice", PresenceStatus.available,
                    "node", now, true, null, Map.of())).await();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteRefusesStrangersAndSiblings() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : server.api.endpoints()) {
            String method = endpoint.method().name();
            String path = concrete(endpoint.template());
            String body = method.equals("POST") ? "FriendlyName=x" : null;
            expect(problems, endpoint, path, server.send(method, path, null, body), 401, 20003);
            expect(problems, endpoint, path, server.send(method, path, ApiServer.basic(target.sid(), "wrong"), body), 401, 20003);
            expect(problems, endpoint, path, server.send(method, path, ApiServer.basic(Sids.next(Sids.API_KEY), "x"), body), 401, 20003);
            HttpResponse<String> sibling = server.send(method, path, ApiServer.basic(server.sibling), body);
            HttpResponse<String> siblingWithKey = server.send(method, path, ApiServer.basic(siblingKey.sid(), siblingKey.secret()), body);
            if (endpoint.accountParam() == null && endpoint.template().startsWith("/v1/")) {
                checkCallersOwn(problems, endpoint, path, sibling);
                checkCallersOwn(problems, endpoint, path, siblingWithKey);
            } else if (endpoint.accountParam() == null) {
                checkRoot(problems, endpoint, sibling);
            } else {
                expect(problems, endpoint, path, sibling, 404, 20404);
                int keyStatus = endpoint.access() == Endpoint.Access.ACCOUNT_ADMIN ? 403 : 404;
                expect(problems, endpoint, path, siblingWithKey, keyStatus, keyStatus == 403 ? 20403 : 20404);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertNotNull(server.get(CallRecord.KIND, sids.get("Calls")), "no refused request changed anything");
        assertNotNull(server.get(Recording.KIND, sids.get("Recordings")));
        assertFalse(server.media.deleted.contains(sids.get("Recordings")));
        assertNotNull(server.get(Sink.KIND, sids.get("Sinks")));
        assertNotNull(server.get(Subscription.KIND, sids.get("Subscriptions")));
    }

    /** The same paths work for the account itself, so the refusals above are about who asked. */
    @Test
    void everyReadableRouteAnswersTheAccountItself() {
        for (Endpoint endpoint : server.api.endpoints()) {
            if (endpoint.method().name().equals("GET")) {
                String path = concrete(endpoint.template());
                HttpResponse<String> own = server.send("GET", path, ApiServer.basic(target), null);
                int expected = path.endsWith(".mp3") ? 415 : 200;
                assertEquals(expected, own.statusCode(), "GET " + path + ": " + own.body());
                HttpResponse<String> owner = server.send("GET", path, ApiServer.basic(server.main), null);
                if (endpoint.accountParam() == null && namesARecord(endpoint)) {
                    assertEquals(404, owner.statusCode(), "a /v1 route is the caller's own account's: GET " + path);
                } else {
                    assertEquals(expected, owner.statusCode(), "the main account reads its subaccount: GET " + path);
                }
            }
        }
    }

    @Test
    void aClosedOrSuspendedAccountCannotAuthenticate() {
        for (Account.Status status : List.of(Account.Status.suspended, Account.Status.closed)) {
            Account inactive = server.put(Account.KIND, new Account(Sids.next(Sids.ACCOUNT), server.main.sid(), Sids.secret(),
                    "Inactive", status, Instant.now(), Instant.now()));
            HttpResponse<String> response = server.send("GET", "/2010-04-01/Accounts/" + inactive.sid() + "/Calls.json",
                    ApiServer.basic(inactive), null);
            assertEquals(401, response.statusCode());
            assertEquals(20005, new JsonObject(response.body()).getInteger("code"));
        }
    }

    /** {@code /Accounts.json} addresses the caller's own family: a sibling lists itself, never the target. */
    private static void checkRoot(List<String> problems, Endpoint endpoint, HttpResponse<String> sibling) {
        if (endpoint.method().name().equals("GET")) {
            if (sibling.statusCode() != 200 || sibling.body().contains(target.sid())) {
                problems.add("GET /Accounts.json by a sibling: " + sibling.statusCode() + " " + sibling.body());
            }
        } else if (sibling.statusCode() != 403) {
            problems.add(endpoint.method() + " /Accounts.json by a subaccount should be 403, was " + sibling.statusCode());
        }
    }

    /**
     * A {@code /v1} route of the caller's own account: another account's record is not found, and what the caller
     * lists or creates is its own, never the target's.
     */
    private static void checkCallersOwn(List<String> problems, Endpoint endpoint, String path, HttpResponse<String> sibling) {
        String where = endpoint.method() + " " + path + " by a sibling";
        if (namesARecord(endpoint)) {
            expect(problems, endpoint, path, sibling, 404, 20404);
        } else if (sibling.body().contains(target.sid()) || sids.values().stream().anyMatch(sibling.body()::contains)) {
            problems.add(where + " shows the target's records: " + sibling.body());
        } else if (!endpoint.method().name().equals("GET") && sibling.statusCode() / 100 == 2) {
            problems.add(where + " succeeded: " + sibling.statusCode() + " " + sibling.body());
        }
    }

    private static boolean namesARecord(Endpoint endpoint) {
        return endpoint.template().contains("{Sid}") || endpoint.template().contains("{SubscriptionSid}");
    }

    private static void expect(List<String> problems, Endpoint endpoint, String path, HttpResponse<String> response,
                               int status, int code) {
        String where = endpoint.method() + " " + path;
        if (response.statusCode() != status) {
            problems.add(where + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
            return;
        }
        JsonObject body = new JsonObject(response.body());
        if (body.getInteger("code") != code || body.getInteger("status") != status) {
            problems.add(where + ": expected code " + code + ", got " + response.body());
        }
        if (status == 401 && !"Basic realm=\"Patchbay\"".equals(response.headers().firstValue("WWW-Authenticate").orElse(null))) {
            problems.add(where + ": 401 without WWW-Authenticate");
        }
    }

    /** The template with the target account's SIDs filled in: each {Sid} is a record of the collection before it. */
    static String concrete(String template) {
        String path = template.replace("{AccountSid}", target.sid()).replace("{CallSid}", sids.get("Calls"))
                .replace("{SubscriptionSid}", sids.get("Subscriptions")).replace("{Type}", TYPE)
                .replace("{Id}", SCHEMA).replace("{SchemaVersion}", "1")
                .replace("{Identity}", "alice")
                .replace("{ConferenceSid}", sids.get("Conferences")).replace("{QueueSid}", sids.get("Queues"));
        int at = path.indexOf("{Sid}");
        if (at < 0) {
            return path;
        }
        String before = path.substring(0, at - 1);
        String collection = before.substring(before.lastIndexOf('/') + 1);
        return path.replace("{Sid}", sids.get(collection));
    }

    private static String usageTrigger(String owner, Instant now) {
        UsageTrigger trigger = new UsageTrigger(Sids.next(Sids.USAGE_TRIGGER), owner, "t", "http://127.0.0.1:9/usage", "POST",
                "calls", TriggerBy.COUNT, BigDecimal.TEN, null, now, now, null);
        ApiServer.await(server.usage.putTrigger(trigger));
        return trigger.sid();
    }

    private static Recording recording(String owner, String callSid, Instant now) {
        return new Recording(Sids.next(Sids.RECORDING), owner, callSid, null, "completed", "RecordVerb", 3, 1, "rec", "wav",
                now, now, now);
    }

    private static Notification notification(String owner, String callSid, Instant now) {
        return new Notification(Sids.next(Sids.NOTIFICATION), owner, callSid, 11200, 0, "failure", null,
                "https://app.example.com", "POST", "", 500, "", now, now);
    }
}
