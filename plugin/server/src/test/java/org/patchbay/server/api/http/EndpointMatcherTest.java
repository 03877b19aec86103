package org.patchbay.server.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointMatcherTest {
    private static final ApiHandler NONE = request -> Future.succeededFuture(Reply.noContent());
    private static final Endpoint FETCH_CALL = Endpoint.account(HttpMethod.GET, "/Calls/{Sid}.json", NONE);
    private static final Endpoint DELETE_CALL = Endpoint.account(HttpMethod.DELETE, "/Calls/{Sid}.json", NONE);
    private static final Endpoint METADATA = Endpoint.account(HttpMethod.GET, "/Recordings/{Sid}.json", NONE);
    private static final Endpoint AUDIO = Endpoint.media(HttpMethod.GET, "/Recordings/{Sid}", NONE);
    private static final EndpointMatcher MATCHER = new EndpointMatcher(List.of(FETCH_CALL, DELETE_CALL, METADATA, AUDIO));
    private static final String ACCOUNT = "/2010-04-01/Accounts/AC1";

    @Test
    void matchesWithOrWithoutTheJsonSuffix() {
        EndpointMatcher.Match match = MATCHER.match(HttpMethod.GET, ACCOUNT + "/Calls/CA1.json");
        assertSame(FETCH_CALL, match.endpoint());
        assertEquals("AC1", match.params().get("AccountSid"));
        assertEquals("CA1", match.params().get("Sid"));
        assertSame(FETCH_CALL, MATCHER.match(HttpMethod.GET, ACCOUNT + "/Calls/CA1").endpoint());
    }

    @Test
    void aBareTemplateWinsOverAnOptionalSuffix() {
        assertSame(AUDIO, MATCHER.match(HttpMethod.GET, ACCOUNT + "/Recordings/RE1").endpoint());
        assertSame(METADATA, MATCHER.match(HttpMethod.GET, ACCOUNT + "/Recordings/RE1.json").endpoint());
    }

    @Test
    void tellsUnknownPathsFromUnsupportedMethods() {
        EndpointMatcher.Match wrongMethod = MATCHER.match(HttpMethod.PUT, ACCOUNT + "/Calls/CA1.json");
        assertFalse(wrongMethod.found());
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.DELETE), wrongMethod.allowed());
        for (String path : List.of(ACCOUNT + "/Calls/CA1.xml", ACCOUNT + "/Calls/../x.json", ACCOUNT + "/Calls/CA1.json/x",
                ACCOUNT + "/Calls/.json", "/2010-04-01/Accounts//Calls/CA1.json")) {
            EndpointMatcher.Match unknown = MATCHER.match(HttpMethod.GET, path);
            assertFalse(unknown.found(), path);
            assertTrue(unknown.allowed().isEmpty(), path);
        }
    }

    @Test
    void v1ParametersMayHoldDotsButNeverSlashes() {
        Endpoint type = Endpoint.v1(HttpMethod.GET, "/Types/{Type}", NONE);
        Endpoint version = Endpoint.v1(HttpMethod.GET, "/Schemas/{Id}/Versions/{SchemaVersion}", NONE);
        EndpointMatcher v1 = new EndpointMatcher(List.of(type, version, FETCH_CALL));

        EndpointMatcher.Match answered = v1.match(HttpMethod.GET, "/v1/Types/com.twilio.voice.status-callback.call.answered");
        assertSame(type, answered.endpoint());
        assertEquals("com.twilio.voice.status-callback.call.answered", answered.params().get("Type"));
        assertEquals("1", v1.match(HttpMethod.GET, "/v1/Schemas/a.b/Versions/1").params().get("SchemaVersion"));
        assertFalse(v1.match(HttpMethod.GET, "/v1/Types/a/b").found());
        assertFalse(v1.match(HttpMethod.GET, ACCOUNT + "/Calls/CA1.x.json").found(), "2010-04-01 parameters still hold no dots");
    }

    @Test
    void refusesTwoHandlersForOneRoute() {
        assertThrows(IllegalArgumentException.class, () -> new EndpointMatcher(List.of(FETCH_CALL, FETCH_CALL)));
    }
}
