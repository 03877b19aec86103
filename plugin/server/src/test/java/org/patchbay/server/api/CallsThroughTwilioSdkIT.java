package org.patchbay.server.api;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.junit.jupiter.api.Test;
import org.patchbay.core.application.Application;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.sid.Sids;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallsThroughTwilioSdkIT extends SdkTestBase {

    @Test
    void createsAnOutboundCallThroughLiveCalls() {
        Call call = Call.creator(new PhoneNumber("+15550001111"), new PhoneNumber("+15550002222"),
                        URI.create("https://app.example.com/voice"))
                .setMethod(HttpMethod.GET)
                .setFallbackUrl("https://app.example.com/fallback")
                .setStatusCallback("https://app.example.com/status")
                .setStatusCallbackEvent(List.of("initiated", "answered"))
                .setStatusCallbackMethod(HttpMethod.GET)
                .setTimeout(30)
                .setTimeLimit(600)
                .setSendDigits("12w34#")
                .setRecord(true)
                .setRecordingChannels("dual")
                .setRecordingStatusCallback("https://app.example.com/recording")
                .setRecordingStatusCallbackMethod(HttpMethod.GET)
                .setRecordingStatusCallbackEvent(List.of("in-progress", "completed"))
                .create(client);

        assertTrue(Sids.isSid(Sids.CALL, call.getSid()));
        assertEquals(Call.Status.QUEUED, call.getStatus());
        assertEquals(server.main.sid(), call.getAccountSid());
        assertEquals("+15550001111", call.getTo());
        assertEquals("outbound-api", call.getDirection());
        assertNotNull(call.getDateCreated());
        assertEquals("/2010-04-01/Accounts/" + server.main.sid() + "/Calls/" + call.getSid() + ".json", call.getUri());

        OutboundCall asked = lastCreated();
        assertEquals(server.main.sid(), asked.accountSid());
        assertEquals("+15550001111", asked.to());
        assertEquals("+15550002222", asked.from());
        assertEquals("https://app.example.com/voice", asked.app().voiceUrl());
        assertEquals("GET", asked.app().voiceMethod());
        assertEquals("https://app.example.com/fallback", asked.app().fallbackUrl());
        assertEquals("https://app.example.com/status", asked.app().statusCallback());
        assertEquals("GET", asked.app().statusCallbackMethod());
        assertEquals(Set.of("initiated", "answered"), asked.app().statusCallbackEvents());
        assertEquals(30, asked.timeoutSeconds());
        assertEquals(600, asked.timeLimitSeconds());
        assertEquals("12w34#", asked.sendDigits());
        assertEquals(new org.patchbay.core.call.CallRecordingOptions(2, "https://app.example.com/recording", "GET",
                List.of("in-progress", "completed")), asked.recording());
        assertNull(asked.twiml());
    }

    @Test
    void createsCallsFromInlineTwimlAndFromAnApplication() {
        Call.creator(new PhoneNumber("client:alice"), new PhoneNumber("+15550002222"),
                new Twiml("<Response><Say>Hi</Say></Response>")).create(client);
        OutboundCall inline = lastCreated();
        assertEquals("<Response><Say>Hi</Say></Response>", inline.twiml());
        assertNull(inline.app().voiceUrl());
        assertEquals(60, inline.timeoutSeconds());
        assertEquals(Set.of("completed"), inline.app().statusCallbackEvents());

        Application app = server.put(Application.KIND, new Application(Sids.next(Sids.APPLICATION), server.main.sid(), "IVR",
                "https://app.example.com/ivr", "GET", null, "POST", "https://app.example.com/app-status", "POST",
                Instant.now(), Instant.now()));
        Call.creator(new PhoneNumber("sip:bob@pbx.example.com"), new PhoneNumber("+15550002222"), app.sid())
                .setUrl("https://ignored.example.com/voice").create(client);
        OutboundCall fromApp = lastCreated();
        assertEquals("https://app.example.com/ivr", fromApp.app().voiceUrl());
        assertEquals("GET", fromApp.app().voiceMethod());
        assertEquals("https://app.example.com/app-status", fromApp.app().statusCallback());
    }

    @Test
    void refusesAnApplicationOfAnotherAccount() {
        Application theirs = server.put(Application.KIND, new Application(Sids.next(Sids.APPLICATION), server.sibling.sid(),
                "Theirs", "https://app.example.com/x", "POST", null, "POST", null, "POST", Instant.now(), Instant.now()));
        ApiException e = assertThrows(ApiException.class, () ->
                Call.creator(new PhoneNumber("+15550001111"), new PhoneNumber("+15550002222"), theirs.sid()).create(client));
        assertEquals(21218, e.getCode());
        assertEquals(400, e.getStatusCode());
    }

    @Test
    void fetchesACall() {
        Call created = Call.creator(new PhoneNumber("+15550003333"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(client);
        Call fetched = Call.fetcher(created.getSid()).fetch(client);
        assertEquals(created.getSid(), fetched.getSid());
        assertEquals("+15550003333", fetched.getTo());
        assertEquals(Call.Status.QUEUED, fetched.getStatus());
        assertEquals("2010-04-01", fetched.getApiVersion());
        assertTrue(fetched.getSubresourceUris().get("recordings").endsWith("/Calls/" + created.getSid() + "/Recordings.json"));

        ApiException missing = assertThrows(ApiException.class, () -> Call.fetcher(Sids.next(Sids.CALL)).fetch(client));
        assertEquals(20404, missing.getCode());
        assertEquals(404, missing.getStatusCode());
    }

    @Test
    void listsAcrossPagesWithFilters() {
        String to = "+15559990000";
        ZonedDateTime day = ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, ZoneOffset.UTC);
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            seeded.add(seedCall(to, i % 2 == 0 ? CallStatus.COMPLETED : CallStatus.BUSY, day.plusHours(i).toInstant()).sid());
        }
        seedCall("+15558880000", CallStatus.COMPLETED, day.toInstant());

        List<String> read = new ArrayList<>();
        Call.reader().setTo(to).setPageSize(2L).read(client).forEach(c -> read.add(c.getSid()));
        assertEquals(7, read.size());
        assertEquals(seeded, new HashSet<>(read));
        long pages = http.exchanges.stream().filter(e -> e.method().equals("GET") && e.path().endsWith("/Calls.json")).count();
        assertEquals(4, pages);

        List<Call> completed = new ArrayList<>();
        Call.reader().setTo(to).setStatus(Call.Status.COMPLETED).read(client).forEach(completed::add);
        assertEquals(4, completed.size());
        assertTrue(completed.stream().allMatch(c -> c.getStatus() == Call.Status.COMPLETED));

        List<Call> lateMorning = new ArrayList<>();
        Call.reader().setTo(to).setStartTimeAfter(day.plusHours(3)).setStartTimeBefore(day.plusHours(5))
                .read(client).forEach(lateMorning::add);
        assertEquals(3, lateMorning.size(), "on or after 03:00 and on or before 05:00");

        List<Call> thatDay = new ArrayList<>();
        Call.reader().setTo(to).setStartTime(day).read(client).forEach(thatDay::add);
        assertEquals(7, thatDay.size());
        List<Call> dayBefore = new ArrayList<>();
        Call.reader().setTo(to).setStartTime(day.minusDays(1)).read(client).forEach(dayBefore::add);
        assertTrue(dayBefore.isEmpty());
    }

    @Test
    void redirectsAndHangsUpALiveCall() {
        Call call = Call.creator(new PhoneNumber("+15550004444"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(client);

        Call.updater(call.getSid()).setUrl("https://app.example.com/next").setMethod(HttpMethod.GET).update(client);
        Call.updater(call.getSid()).setTwiml("<Response><Hangup/></Response>").update(client);
        List<FakeLiveCalls.Redirect> redirects = server.liveCalls.redirects.stream()
                .filter(r -> r.callSid().equals(call.getSid())).toList();
        assertEquals(List.of(
                new FakeLiveCalls.Redirect(server.main.sid(), call.getSid(), "https://app.example.com/next", "GET", null),
                new FakeLiveCalls.Redirect(server.main.sid(), call.getSid(), null, null, "<Response><Hangup/></Response>")),
                redirects);

        Call ended = Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        assertEquals(Call.Status.COMPLETED, ended.getStatus());
        assertNotNull(ended.getEndTime());

        assertEquals(Call.Status.COMPLETED, Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client)
                .getStatus(), "hanging up twice is harmless");
        ApiException tooLate = assertThrows(ApiException.class, () ->
                Call.updater(call.getSid()).setUrl("https://app.example.com/again").update(client));
        assertEquals(21220, tooLate.getCode());
        assertEquals(400, tooLate.getStatusCode());
    }

    @Test
    void deletesOnlyFinishedCalls() {
        Call live = Call.creator(new PhoneNumber("+15550005555"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(client);
        ApiException refused = assertThrows(ApiException.class, () -> Call.deleter(live.getSid()).delete(client));
        assertEquals(21220, refused.getCode());
        assertNotNull(server.get(CallRecord.KIND, live.getSid()));

        CallRecord done = seedCall("+15550005555", CallStatus.COMPLETED, Instant.now());
        assertTrue(Call.deleter(done.sid()).delete(client));
        assertNull(server.get(CallRecord.KIND, done.sid()));
        ApiException gone = assertThrows(ApiException.class, () -> Call.fetcher(done.sid()).fetch(client));
        assertEquals(20404, gone.getCode());
    }

    @Test
    void actsOnASubaccountWithTheMainAccountsCredentials() {
        Call call = Call.creator(server.sub.sid(), new PhoneNumber("+15550006666"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(client);
        assertEquals(server.sub.sid(), call.getAccountSid());
        assertEquals(server.sub.sid(), lastCreated().accountSid());
        assertEquals(call.getSid(), Call.fetcher(server.sub.sid(), call.getSid()).fetch(client).getSid());
        assertFalse(Call.reader().setTo("+15550006666").read(client).iterator().hasNext(),
                "the main account's own list does not show its subaccounts' calls");
    }

    private OutboundCall lastCreated() {
        List<OutboundCall> created = server.liveCalls.created;
        return created.get(created.size() - 1);
    }

    private CallRecord seedCall(String to, CallStatus status, Instant start) {
        CallRecord call = new CallRecord(Sids.next(Sids.CALL), server.main.sid(), null, "+15550002222", to, null, null, status,
                Direction.INBOUND, null, start.minusSeconds(5), start.plusSeconds(60), start, start.plusSeconds(60), 60L,
                null, "chan-1", "node");
        return server.put(CallRecord.KIND, call);
    }
}
