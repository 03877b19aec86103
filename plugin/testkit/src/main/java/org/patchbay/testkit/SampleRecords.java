package org.patchbay.testkit;

import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.application.Application;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.recording.Recording;

import java.time.Instant;

/**
 * Stored records with every field set (or deliberately left null), for store tests. Times carry
 * nanoseconds so that a store which truncates them is caught.
 */
public final class SampleRecords {
    /** A creation time with sub-millisecond digits. */
    public static final Instant T0 = Instant.parse("2024-03-01T12:00:00.123456789Z");

    private SampleRecords() {
    }

    /** A Twilio-shaped SID whose lexical order follows {@code n}: {@code sid("CA", 2) > sid("CA", 1)}. */
    public static String sid(String prefix, long n) {
        return prefix + String.format("%032x", n);
    }

    public static Account account(String sid, String ownerSid, Instant created) {
        return new Account(sid, ownerSid, "token-" + sid, "Account " + sid, Account.Status.suspended,
                created, created.plusSeconds(60));
    }

    public static ApiKey apiKey(String sid, String accountSid, Instant created) {
        return new ApiKey(sid, accountSid, "secret-" + sid, "Deploy key", created, created.plusMillis(1));
    }

    /** A finished call with every field set. */
    public static CallRecord call(String sid, String accountSid, Instant created) {
        return CallRecord.newCall(sid, accountSid, Direction.OUTBOUND_DIAL, CallStatus.NO_ANSWER, created)
                .parentCallSid(sid("CA", 999)).between("+15550100", "+15550199").callerName("Ada Lovelace")
                .forwardedFrom("+15550111").phoneNumberSid(sid("PN", 1)).updated(created.plusSeconds(30))
                .times(created.plusSeconds(2), created.plusSeconds(30), 28L).answeredBy("human")
                .carriedBy("1709294400.42", "node-a").build();
    }

    /** A call that has just arrived: no parent, not answered, no duration yet. */
    public static CallRecord ringingCall(String sid, String accountSid, Instant created) {
        return CallRecord.newCall(sid, accountSid, Direction.INBOUND, CallStatus.RINGING, created)
                .between("+15550100", "+15550199").carriedBy("1709294400.43", "node-b").build();
    }

    public static PhoneNumber number(String sid, String accountSid, String phoneNumber, Instant created) {
        return new PhoneNumber(sid, accountSid, phoneNumber, "Support line", "https://app.example.com/voice", "POST",
                "https://app.example.com/fallback", "GET", "https://app.example.com/status", "POST",
                sid("AP", 1), created, created.plusSeconds(5));
    }

    public static Notification notification(String sid, String accountSid, Instant created) {
        return new Notification(sid, accountSid, sid("CA", 1), 11200, Notification.ERROR, "HTTP retrieval failure",
                "https://www.twilio.com/docs/errors/11200", "https://app.example.com/voice", "POST",
                "CallSid=CA1&From=%2B15550100", 502, "<html>Bad Gateway</html>", created.minusMillis(3), created);
    }

    /** A warning about a request that never got a response: status and body are null. */
    public static Notification unansweredNotification(String sid, String accountSid, Instant created) {
        return new Notification(sid, accountSid, null, 11205, Notification.WARNING, "HTTP connection failure",
                null, "https://app.example.com/voice", "POST", null, null, null, created, created);
    }

    public static Recording recording(String sid, String accountSid, Instant created) {
        return new Recording(sid, accountSid, sid("CA", 1), null, "completed", "RecordVerb", 17, 2,
                "patchbay/" + sid, "wav", created.minusSeconds(17), created, created.plusSeconds(1));
    }

    public static Application application(String sid, String accountSid, Instant created) {
        return new Application(sid, accountSid, "IVR", "https://app.example.com/ivr", "GET", null, null,
                "https://app.example.com/status", "POST", created, created);
    }
}
