package org.patchbay.server.api;

import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.events.v1.Sink;
import com.twilio.rest.events.v1.Subscription;
import com.twilio.rest.events.v1.sink.SinkTest;
import com.twilio.rest.events.v1.sink.SinkValidate;
import com.twilio.rest.events.v1.subscription.SubscribedEvent;
import org.junit.jupiter.api.Test;
import org.patchbay.core.sid.Sids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twilio's Java helper library manages sinks and subscriptions with {@code https://events.twilio.com} pointed at Patchbay. */
class EventStreamsThroughTwilioSdkIT extends SdkTestBase {
    private static final String ANSWERED = "com.twilio.voice.status-callback.call.answered";
    private static final String COMPLETED = "com.twilio.voice.status-callback.call.completed";
    private static final Map<String, Object> WEBHOOK = Map.of(
            "destination", "https://user:secret@127.0.0.1:9/events", "method", "POST", "batch_events", false);

    @Test
    void createsAWebhookSinkAndASubscriptionAndReadsThemBack() {
        Sink sink = Sink.creator("Call events", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);
        assertTrue(sink.getSid().startsWith("DG") && sink.getSid().length() == 34, sink.getSid());
        assertEquals(Sink.Status.INITIALIZED, sink.getStatus());
        assertEquals(WEBHOOK, sink.getSinkConfiguration());
        assertEquals(server.baseUrl() + "/v1/Sinks/" + sink.getSid(), sink.getUrl().toString());

        Subscription subscription = Subscription.creator("Answered and completed", sink.getSid(), List.of(
                Map.of("type", ANSWERED, "schema_version", 1), Map.of("type", COMPLETED))).create(client);
        assertTrue(Sids.isSid("DF", subscription.getSid()), subscription.getSid());
        assertEquals(server.main.sid(), subscription.getAccountSid());
        assertEquals(sink.getSid(), subscription.getSinkSid());

        assertEquals("Call events", Sink.fetcher(sink.getSid()).fetch(client).getDescription());
        assertEquals("Answered and completed", Subscription.fetcher(subscription.getSid()).fetch(client).getDescription());
        List<String> subscribed = new ArrayList<>();
        SubscribedEvent.reader(subscription.getSid()).read(client).forEach(event -> subscribed.add(
                event.getType() + "@" + event.getSchemaVersion()));
        assertEquals(List.of(ANSWERED + "@1", COMPLETED + "@1"), subscribed);

        List<String> subscriptionsOfSink = new ArrayList<>();
        Subscription.reader().setSinkSid(sink.getSid()).read(client).forEach(s -> subscriptionsOfSink.add(s.getSid()));
        assertEquals(List.of(subscription.getSid()), subscriptionsOfSink);
        List<String> inUse = new ArrayList<>();
        Sink.reader().setInUse(true).read(client).forEach(s -> inUse.add(s.getSid()));
        assertTrue(inUse.contains(sink.getSid()));
        assertTrue(server.eventRouter.changedAccounts.contains(server.main.sid()), "the router was told");
    }

    @Test
    void updatesAndDeletesSinksAndSubscriptions() {
        Sink sink = Sink.creator("Before", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);
        Sink other = Sink.creator("Other", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);
        Subscription subscription = Subscription.creator("Before", sink.getSid(), List.of(Map.of("type", ANSWERED))).create(client);

        assertEquals("After", Sink.updater(sink.getSid(), "After").update(client).getDescription());
        Subscription moved = Subscription.updater(subscription.getSid()).setDescription("Moved").setSinkSid(other.getSid()).update(client);
        assertEquals("Moved", moved.getDescription());
        assertEquals(other.getSid(), moved.getSinkSid());

        SubscribedEvent added = SubscribedEvent.creator(subscription.getSid(), COMPLETED).create(client);
        assertEquals(1, added.getSchemaVersion());
        assertEquals(ANSWERED, SubscribedEvent.fetcher(subscription.getSid(), ANSWERED).fetch(client).getType());
        assertTrue(SubscribedEvent.deleter(subscription.getSid(), ANSWERED).delete(client));
        assertEquals(404, assertThrows(ApiException.class,
                () -> SubscribedEvent.fetcher(subscription.getSid(), ANSWERED).fetch(client)).getStatusCode());

        ApiException inUse = assertThrows(ApiException.class, () -> Sink.deleter(other.getSid()).delete(client));
        assertEquals(400, inUse.getStatusCode());
        assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
        assertTrue(Subscription.deleter(subscription.getSid()).delete(client));
        assertTrue(Sink.deleter(other.getSid()).delete(client));
        assertTrue(Sink.deleter(sink.getSid()).delete(client));
        assertEquals(20404, assertThrows(ApiException.class, () -> Sink.fetcher(sink.getSid()).fetch(client)).getCode());
    }

    @Test
    void testAndValidateTakeTheSinkToActive() {
        Sink sink = Sink.creator("To validate", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);

        assertEquals("submitted", SinkTest.creator(sink.getSid()).create(client).getResult());
        assertEquals(Sink.Status.VALIDATING, Sink.fetcher(sink.getSid()).fetch(client).getStatus());
        String testId = server.eventRouter.lastTestId(sink.getSid());

        ApiException wrong = assertThrows(ApiException.class, () -> SinkValidate.creator(sink.getSid(), "not-the-id").create(client));
        assertEquals(400, wrong.getStatusCode());
        assertEquals(Sink.Status.VALIDATING, Sink.fetcher(sink.getSid()).fetch(client).getStatus());

        assertEquals("valid", SinkValidate.creator(sink.getSid(), testId).create(client).getResult());
        assertEquals(Sink.Status.ACTIVE, Sink.fetcher(sink.getSid()).fetch(client).getStatus());
        List<String> active = new ArrayList<>();
        Sink.reader().setStatus("active").read(client).forEach(s -> active.add(s.getSid()));
        assertTrue(active.contains(sink.getSid()));
    }

    @Test
    void listsPageByPageFollowingTheNextPageUrl() {
        TwilioRestClient sibling = clientFor(server.sibling);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, Sink.creator("Sink " + i, WEBHOOK, Sink.SinkType.WEBHOOK).create(sibling).getSid());
        }

        Page<Sink> first = Sink.reader().pageSize(2).firstPage(sibling);
        assertEquals(2, first.getRecords().size());
        assertTrue(first.hasNextPage());
        List<String> all = new ArrayList<>();
        List<java.time.ZonedDateTime> dates = new ArrayList<>();
        Sink.reader().pageSize(2).read(sibling).forEach(s -> {
            all.add(s.getSid());
            dates.add(s.getDateCreated());
        });
        // Sinks made within one millisecond tie on their creation time, and a tie may list either way.
        assertEquals(java.util.Set.copyOf(created), java.util.Set.copyOf(all), "every sink once");
        assertEquals(created.size(), all.size(), "every sink once");
        for (int i = 1; i < dates.size(); i++) {
            assertTrue(!dates.get(i).isAfter(dates.get(i - 1)), "newest first: " + dates);
        }
    }

    @Test
    void anotherAccountsSinkIsNotFoundAndCannotBeSubscribedTo() {
        Sink mine = Sink.creator("Main's", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);
        TwilioRestClient sub = clientFor(server.sub);

        assertEquals(20404, assertThrows(ApiException.class, () -> Sink.fetcher(mine.getSid()).fetch(sub)).getCode());
        ApiException foreign = assertThrows(ApiException.class, () ->
                Subscription.creator("x", mine.getSid(), List.of(Map.of("type", ANSWERED))).create(sub));
        assertEquals(400, foreign.getStatusCode());
        assertTrue(foreign.getMessage().contains("is not a sink of this account"), foreign.getMessage());
    }

    @Test
    void refusesWhatPatchbayCannotDeliverWithClearErrors() {
        ApiException kinesis = assertThrows(ApiException.class, () -> Sink.creator("k",
                Map.of("arn", "arn:aws:kinesis:us-east-1:1:stream/x"), Sink.SinkType.KINESIS).create(client));
        assertEquals(400, kinesis.getStatusCode());
        assertEquals(21200, kinesis.getCode());
        assertEquals("SinkType 'kinesis' is not one Patchbay delivers to: use webhook, redis-stream, amqp", kinesis.getMessage());

        ApiException noDestination = assertThrows(ApiException.class, () ->
                Sink.creator("w", Map.of("method", "POST"), Sink.SinkType.WEBHOOK).create(client));
        assertEquals("Invalid SinkConfiguration for a webhook sink: destination is required", noDestination.getMessage());

        Sink sink = Sink.creator("ok", WEBHOOK, Sink.SinkType.WEBHOOK).create(client);
        ApiException unknownType = assertThrows(ApiException.class, () ->
                Subscription.creator("x", sink.getSid(), List.of(Map.of("type", "com.twilio.messaging.message.sent"))).create(client));
        assertTrue(unknownType.getMessage().contains("'com.twilio.messaging.message.sent' is not an event type Patchbay publishes"),
                unknownType.getMessage());
        ApiException unknownVersion = assertThrows(ApiException.class, () ->
                Subscription.creator("x", sink.getSid(), List.of(Map.of("type", ANSWERED, "schema_version", 7))).create(client));
        assertTrue(unknownVersion.getMessage().contains("has no schema version 7"), unknownVersion.getMessage());
    }
}
