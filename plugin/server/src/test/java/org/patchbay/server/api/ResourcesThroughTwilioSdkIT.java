package org.patchbay.server.api;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Application;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.Notification;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.patchbay.core.sid.Sids;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcesThroughTwilioSdkIT extends SdkTestBase {

    @Test
    void createsUpdatesListsAndDeletesAnIncomingPhoneNumber() {
        IncomingPhoneNumber number = IncomingPhoneNumber.creator(new PhoneNumber("+15551230001"))
                .setFriendlyName("Support line")
                .setVoiceUrl("https://app.example.com/support")
                .setVoiceMethod(HttpMethod.GET)
                .setStatusCallback("https://app.example.com/status")
                .create(client);
        assertTrue(Sids.isSid(Sids.PHONE_NUMBER, number.getSid()));
        assertEquals("+15551230001", number.getPhoneNumber().toString());
        assertEquals(URI.create("https://app.example.com/support"), number.getVoiceUrl());
        assertEquals(HttpMethod.GET, number.getVoiceMethod());
        assertTrue(number.getCapabilities().getVoice());

        com.twilio.rest.api.v2010.account.Application app = Application.creator().setFriendlyName("IVR")
                .setVoiceUrl("https://app.example.com/ivr").create(client);
        IncomingPhoneNumber updated = IncomingPhoneNumber.updater(number.getSid())
                .setVoiceApplicationSid(app.getSid())
                .setVoiceFallbackUrl("https://app.example.com/fallback")
                .setFriendlyName("Support (IVR)")
                .update(client);
        assertEquals(app.getSid(), updated.getVoiceApplicationSid());
        assertEquals(URI.create("https://app.example.com/fallback"), updated.getVoiceFallbackUrl());
        assertEquals("Support (IVR)", updated.getFriendlyName());
        assertEquals(URI.create("https://app.example.com/support"), updated.getVoiceUrl(), "untouched fields stay");

        IncomingPhoneNumber.creator(new PhoneNumber("+15551230002")).setFriendlyName("Sales").create(client);
        List<IncomingPhoneNumber> matching = new ArrayList<>();
        IncomingPhoneNumber.reader().setPhoneNumber("555123000*").read(client).forEach(matching::add);
        assertEquals(2, matching.size());
        List<IncomingPhoneNumber> sales = new ArrayList<>();
        IncomingPhoneNumber.reader().setFriendlyName("Sales").read(client).forEach(sales::add);
        assertEquals(List.of("+15551230002"), sales.stream().map(n -> n.getPhoneNumber().toString()).toList());

        assertEquals(number.getSid(), IncomingPhoneNumber.fetcher(number.getSid()).fetch(client).getSid());
        assertTrue(IncomingPhoneNumber.deleter(number.getSid()).delete(client));
        assertEquals(20404, assertThrows(ApiException.class, () -> IncomingPhoneNumber.fetcher(number.getSid()).fetch(client)).getCode());
    }

    @Test
    void aNumberBelongsToOneAccountOnly() {
        IncomingPhoneNumber.creator(new PhoneNumber("+15551239999")).create(clientFor(server.sibling));
        ApiException taken = assertThrows(ApiException.class, () ->
                IncomingPhoneNumber.creator(new PhoneNumber("+15551239999")).create(client));
        assertEquals(21422, taken.getCode());
        assertEquals(400, taken.getStatusCode());

        ApiException foreignApp = assertThrows(ApiException.class, () -> IncomingPhoneNumber
                .creator(new PhoneNumber("+15551238888")).setVoiceApplicationSid(Sids.next(Sids.APPLICATION)).create(client));
        assertEquals(21420, foreignApp.getCode());
    }

    @Test
    void managesApplications() {
        Application app = Application.creator().setFriendlyName("Menu").setVoiceUrl("https://app.example.com/menu")
                .setVoiceMethod(HttpMethod.GET).setStatusCallback("https://app.example.com/cb").create(client);
        assertTrue(Sids.isSid(Sids.APPLICATION, app.getSid()));
        assertEquals("Menu", app.getFriendlyName());
        assertEquals(HttpMethod.GET, app.getVoiceMethod());
        assertEquals(HttpMethod.POST, app.getStatusCallbackMethod());

        Application renamed = Application.updater(app.getSid()).setFriendlyName("Main menu").setVoiceUrl("").update(client);
        assertEquals("Main menu", renamed.getFriendlyName());
        assertNull(renamed.getVoiceUrl(), "an empty URL removes it");
        assertEquals(URI.create("https://app.example.com/cb"), renamed.getStatusCallback());

        List<Application> found = new ArrayList<>();
        Application.reader().setFriendlyName("Main menu").read(client).forEach(found::add);
        assertEquals(List.of(app.getSid()), found.stream().map(Application::getSid).toList());

        assertTrue(Application.deleter(app.getSid()).delete(client));
        assertEquals(20404, assertThrows(ApiException.class, () -> Application.fetcher(app.getSid()).fetch(client)).getCode());
    }

    @Test
    void listsFetchesAndDeletesRecordings() {
        String callSid = Sids.next(Sids.CALL);
        Instant day = ZonedDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC).toInstant();
        org.patchbay.core.recording.Recording first = seedRecording(callSid, day);
        org.patchbay.core.recording.Recording second = seedRecording(callSid, day.plusSeconds(86_400));
        seedRecording(Sids.next(Sids.CALL), day);

        List<Recording> ofCall = new ArrayList<>();
        Recording.reader().setCallSid(callSid).read(client).forEach(ofCall::add);
        assertEquals(List.of(second.sid(), first.sid()), ofCall.stream().map(Recording::getSid).toList(), "newest first");
        Recording fetched = Recording.fetcher(first.sid()).fetch(client);
        assertEquals(Recording.Status.COMPLETED, fetched.getStatus());
        assertEquals(Recording.Source.RECORDVERB, fetched.getSource());
        assertEquals("17", fetched.getDuration());
        assertEquals(URI.create(server.baseUrl() + "/2010-04-01/Accounts/" + server.main.sid() + "/Recordings/" + first.sid()),
                fetched.getMediaUrl());

        List<Recording> onTheFirst = new ArrayList<>();
        Recording.reader().setCallSid(callSid).setDateCreated(day.atZone(ZoneOffset.UTC)).read(client).forEach(onTheFirst::add);
        assertEquals(List.of(first.sid()), onTheFirst.stream().map(Recording::getSid).toList());

        List<com.twilio.rest.api.v2010.account.call.Recording> underCall = new ArrayList<>();
        com.twilio.rest.api.v2010.account.call.Recording.reader(callSid).read(client).forEach(underCall::add);
        assertEquals(2, underCall.size());
        assertEquals(first.sid(), com.twilio.rest.api.v2010.account.call.Recording.fetcher(callSid, first.sid())
                .fetch(client).getSid());

        assertTrue(Recording.deleter(first.sid()).delete(client));
        assertTrue(server.media.deleted.contains(first.sid()), "the audio goes first");
        assertEquals(20404, assertThrows(ApiException.class, () -> Recording.fetcher(first.sid()).fetch(client)).getCode());
    }

    @Test
    void listsAndFetchesNotifications() {
        String callSid = Sids.next(Sids.CALL);
        Instant day = ZonedDateTime.of(2026, 6, 2, 8, 0, 0, 0, ZoneOffset.UTC).toInstant();
        org.patchbay.core.notification.Notification error = seedNotification(callSid, org.patchbay.core.notification.Notification.ERROR, day);
        org.patchbay.core.notification.Notification warning = seedNotification(callSid, org.patchbay.core.notification.Notification.WARNING,
                day.plusSeconds(86_400));

        List<Notification> errors = new ArrayList<>();
        Notification.reader().setLog(0).read(client).forEach(errors::add);
        assertEquals(List.of(error.sid()), errors.stream().map(Notification::getSid).toList());
        List<Notification> secondDay = new ArrayList<>();
        Notification.reader().setMessageDateAfter(LocalDate.of(2026, 6, 3)).read(client).forEach(secondDay::add);
        assertEquals(List.of(warning.sid()), secondDay.stream().map(Notification::getSid).toList());

        Notification fetched = Notification.fetcher(error.sid()).fetch(client);
        assertEquals("11200", fetched.getErrorCode());
        assertEquals("0", fetched.getLog());
        assertEquals("CallSid=CA1&From=%2B15550100", fetched.getRequestVariables());
        assertEquals(HttpMethod.POST, fetched.getRequestMethod());

        List<com.twilio.rest.api.v2010.account.call.Notification> underCall = new ArrayList<>();
        com.twilio.rest.api.v2010.account.call.Notification.reader(callSid).read(client).forEach(underCall::add);
        assertEquals(2, underCall.size());
        assertEquals(warning.sid(), com.twilio.rest.api.v2010.account.call.Notification.fetcher(callSid, warning.sid())
                .fetch(client).getSid());
    }

    private org.patchbay.core.recording.Recording seedRecording(String callSid, Instant created) {
        return server.put(org.patchbay.core.recording.Recording.KIND, new org.patchbay.core.recording.Recording(
                Sids.next(Sids.RECORDING), server.main.sid(), callSid, null, "completed", "RecordVerb", 17, 1,
                "patchbay/rec", "wav", created.minusSeconds(17), created, created.plusSeconds(1)));
    }

    private org.patchbay.core.notification.Notification seedNotification(String callSid, int log, Instant at) {
        return server.put(org.patchbay.core.notification.Notification.KIND, new org.patchbay.core.notification.Notification(
                Sids.next(Sids.NOTIFICATION), server.main.sid(), callSid, 11200, log, "HTTP retrieval failure",
                "https://www.twilio.com/docs/errors/11200", "https://app.example.com/voice", "POST",
                "CallSid=CA1&From=%2B15550100", 502, "<html>Bad Gateway</html>", at, at));
    }
}
