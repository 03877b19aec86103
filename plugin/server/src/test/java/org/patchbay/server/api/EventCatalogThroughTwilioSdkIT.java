package org.patchbay.server.api;

import com.twilio.rest.events.v1.EventType;
import com.twilio.rest.events.v1.Schema;
import com.twilio.rest.events.v1.schema.SchemaVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallParameters;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.CallRedirected;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.events.InstructionFetched;
import org.patchbay.core.events.PlatformEvent;
import org.patchbay.core.events.RecordStarted;
import org.patchbay.core.sid.Sids;
import org.patchbay.testkit.SampleRecords;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-only catalog through Twilio's Java helper library, and its schemas describe what Patchbay publishes. */
class EventCatalogThroughTwilioSdkIT extends SdkTestBase {
    private static final String ANSWERED = "com.twilio.voice.status-callback.call.answered";
    private static final String STATUS_SCHEMA = "com.twilio.voice.status-callback.call";

    @Test
    void listsAndFetchesEventTypes() {
        List<String> types = new ArrayList<>();
        EventType.reader().pageSize(3).read(client).forEach(type -> types.add(type.getType()));
        assertTrue(types.containsAll(List.of(ANSWERED, CallRedirected.TYPE.name(), InstructionFetched.TYPE.name(),
                GatherStarted.TYPE.name(), RecordStarted.TYPE.name())), types.toString());
        assertEquals(types.stream().sorted().toList(), types);

        EventType answered = EventType.fetcher(ANSWERED).fetch(client);
        assertEquals(STATUS_SCHEMA, answered.getSchemaId());
        assertEquals("available", answered.getStatus());
        assertEquals(server.baseUrl() + "/v1/Schemas/" + STATUS_SCHEMA + "/Versions", answered.getLinks().get("schema"));

        List<String> ofSchema = new ArrayList<>();
        EventType.reader().setSchemaId(STATUS_SCHEMA).read(client).forEach(type -> ofSchema.add(type.getType()));
        assertEquals(4, ofSchema.size(), ofSchema.toString());
    }

    @Test
    void readsSchemasAndTheirVersions() {
        Schema schema = Schema.fetcher(STATUS_SCHEMA).fetch(client);
        assertEquals(1, schema.getLatestVersion());

        List<Integer> versions = new ArrayList<>();
        SchemaVersion.reader(STATUS_SCHEMA).read(client).forEach(version -> versions.add(version.getSchemaVersion()));
        assertEquals(List.of(1), versions);

        SchemaVersion version = SchemaVersion.fetcher(STATUS_SCHEMA, 1).fetch(client);
        assertEquals(URI.create(server.baseUrl() + "/v1/Schemas/" + STATUS_SCHEMA + "/Versions/1/Raw"), version.getRaw());
    }

    @Test
    void eachPublishedEventsDataMatchesItsRawSchema() {
        CallRecord call = SampleRecords.call(Sids.next(Sids.CALL), server.main.sid(), Instant.now());
        Map<String, String> status = CallParameters.of(call);
        status.put("CallbackSource", "call-progress-events");
        status.put("Timestamp", "Mon, 01 Jan 2026 00:00:00 +0000");
        List<PlatformEvent> events = List.of(
                new CallStatusChanged(call, "answered", Instant.now(), status),
                new CallRedirected(call, Instant.now(), "https://app.test/next", "POST"),
                new CallRedirected(call, Instant.now(), null, null),
                new InstructionFetched(call, Instant.now(), "https://app.test/voice", "POST", Map.of("CallSid", call.sid()),
                        500, 11200, "HTTP retrieval failure", 42),
                new GatherStarted(call, Instant.now(), null, "#", 5),
                new RecordStarted(call, Instant.now(), Sids.next(Sids.RECORDING), 3600, "1234567890*#"));
        for (PlatformEvent event : events) {
            String schemaId = EventType.fetcher(event.type().name()).fetch(client).getSchemaId();
            HttpResponse<String> raw = server.send("GET", "/v1/Schemas/" + schemaId + "/Versions/1/Raw", ApiServer.basic(server.main), null);
            assertEquals(200, raw.statusCode(), raw.body());
            OutputUnit result = Validator.create(JsonSchema.of(new JsonObject(raw.body())),
                            new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://patchbay.test/")
                                    .setOutputFormat(OutputFormat.Basic))
                    .validate(new JsonObject(event.data()));
            assertTrue(result.getValid(), event.type().name() + ": " + result.getErrors() + " for " + event.data());
        }
    }

    @Test
    void unknownTypesAndSchemasAreNotFound() {
        assertEquals(404, server.send("GET", "/v1/Types/io.patchbay.nothing", ApiServer.basic(server.main), null).statusCode());
        assertEquals(404, server.send("GET", "/v1/Schemas/io.patchbay.nothing", ApiServer.basic(server.main), null).statusCode());
        assertEquals(404, server.send("GET", "/v1/Schemas/" + STATUS_SCHEMA + "/Versions/9", ApiServer.basic(server.main), null).statusCode());
        assertEquals(404, server.send("GET", "/v1/Schemas/" + STATUS_SCHEMA + "/Versions/x", ApiServer.basic(server.main), null).statusCode());
        assertEquals(401, server.send("GET", "/v1/Types", null, null).statusCode());
    }
}
