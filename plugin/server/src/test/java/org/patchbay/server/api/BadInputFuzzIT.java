package org.patchbay.server.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.sid.Sids;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.testkit.SampleRecords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated malformed requests across all routes: odd methods, mangled paths and SIDs,
 * random and broken parameters, garbage bodies and content types, missing or broken credentials. No
 * answer may be a 5xx, and every error must be Twilio's well-formed error body. The seed is printed
 * so that a failure can be replayed with -Dfuzz.seed.
 */
class BadInputFuzzIT {
    private static final int REQUESTS = 4000;
    private static final int IN_FLIGHT = 16;
    private static final long ANSWER_TIMEOUT_MS = 5000;
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "BREW", "POST", "GET");
    private static final List<String> PARAMS = List.of("To", "From", "Url", "Method", "Twiml", "ApplicationSid", "Timeout",
            "TimeLimit", "StatusCallback", "StatusCallbackEvent", "StatusCallbackMethod", "FallbackUrl", "SendDigits", "Record",
            "Status", "FriendlyName", "PhoneNumber", "AreaCode", "VoiceUrl", "VoiceMethod", "VoiceApplicationSid", "PageSize",
            "Page", "PageToken", "StartTime", "StartTime%3E", "EndTime%3C", "DateCreated", "DateCreated%3C", "MessageDate%3E",
            "Log", "CallSid", "ConferenceSid", "ParentCallSid", "", "%", "%ZZ", "a%00b");
    private static final List<String> VALUES = List.of("", "+15550001111", "client:alice", "sip:bob@pbx.example.com",
            "https://app.example.com/voice", "ftp://x", "GET", "post", "PUT", "0", "-1", "1", "60", "601", "99999999999",
            "1e3", "true", "maybe", "completed", "canceled", "ringing", "initiated+ringing", "2024-02-30", "2024-01-01",
            "2024-01-01T10:00:00", "2024-01-01T10:00:00%2B05:00", "PT0", "PT999999999999", "PTx", "%ZZ", "%", "%C3%28",
            "%E2%82", "%00", "%F0%9F%93%9E", "%3CResponse%3E%3CSay%3Ehi%3C%2FSay%3E%3C%2FResponse%3E", "AP123",
            "AP00000000000000000000000000000000", "CA0000000000000000000000000000000g", "*555#", "12w#", "a&b", "=", "==",
            "x".repeat(5000));
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=latin1",
            "application/json", "text/plain", "multipart/form-data; boundary=xyz", "", "garbage", "application/xml");
    private static final Set<Integer> SUCCESS_WITHOUT_ERROR_BODY = Set.of(200, 201, 204);

    private static ApiServer server;
    private static HttpClient http;
    private static Context context;
    private static List<String> sids;

    @BeforeAll
    static void start() {
        server = ApiServer.start();
        context = server.vertx.getOrCreateContext();
        http = server.vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()),
                new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        Instant now = Instant.now();
        String owner = server.main.sid();
        CallRecord call = server.put(CallRecord.KIND, SampleRecords.call(Sids.next(Sids.CALL), owner, now));
        Recording recording = server.put(Recording.KIND, SampleRecords.recording(Sids.next(Sids.RECORDING), owner, now));
        sids = List.of(owner, server.sub.sid(), server.sibling.sid(), call.sid(), recording.sid(), Sids.next(Sids.CALL),
                Sids.next(Sids.APPLICATION), "CA123", "..", "%2e%2e", "%ZZ", "%00", "x".repeat(3000), "AC" + "0".repeat(32),
                "RE" + "F".repeat(32), "%C3%28", "ca" + "0".repeat(32));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Outcome(String request, int status, String contentType, String body) {
    }

    @Test
    void noRequestProducesA5xxOrAMalformedError() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadInputFuzzIT seed: " + seed);
        Random random = new Random(seed);
        List<Endpoint> endpoints = server.api.endpoints();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        for (int batch = 0; batch < REQUESTS / IN_FLIGHT; batch++) {
            List<Future<Void>> sent = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                sent.add(sendOne(random, endpoints, outcomes));
            }
            ApiServer.await(Future.join(sent));
        }
        List<String> problems = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            String problem = problemWith(outcome);
            if (problem != null) {
                problems.add(problem + " <- " + outcome.request());
            }
        }
        Map<Integer, Long> byStatus = new TreeMap<>(outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, Collectors.counting())));
        System.out.println("BadInputFuzzIT answers by status: " + byStatus);
        assertTrue(outcomes.size() >= REQUESTS - IN_FLIGHT, "answers: " + outcomes.size());
        assertTrue(byStatus.keySet().containsAll(List.of(200, 400, 401, 404, 405, 413, 415)),
                "the requests reach every stage of the API: " + byStatus);
        assertTrue(problems.isEmpty(), problems.size() + " bad answers (seed " + seed + "), e.g.:\n"
                + String.join("\n", problems.subList(0, Math.min(10, problems.size()))));
    }

    private static String problemWith(Outcome outcome) {
        if (outcome.status() >= 500) {
            return "status " + outcome.status() + " " + outcome.body();
        }
        if (SUCCESS_WITHOUT_ERROR_BODY.contains(outcome.status())) {
            return null;
        }
        if (!outcome.contentType().startsWith("application/json")) {
            return "error " + outcome.status() + " with Content-Type '" + outcome.contentType() + "'";
        }
        try {
            JsonObject body = new JsonObject(outcome.body());
            boolean wellFormed = body.getValue("code") instanceof Integer code
                    && body.getValue("message") instanceof String
                    && ("https://www.twilio.com/docs/errors/" + code).equals(body.getValue("more_info"))
                    && Integer.valueOf(outcome.status()).equals(body.getValue("status"));
            return wellFormed ? null : "malformed error body " + outcome.body();
        } catch (DecodeException | ClassCastException e) {
            return "error body is not JSON: " + outcome.body();
        }
    }

    private static Future<Void> sendOne(Random random, List<Endpoint> endpoints, ConcurrentLinkedQueue<Outcome> outcomes) {
        Endpoint endpoint = pick(random, endpoints);
        String method = random.nextInt(10) < 7 ? endpoint.method().name() : pick(random, METHODS);
        String uri = path(random, endpoint) + (random.nextInt(3) > 0 ? "?" + form(random) : "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(uri);
        String auth = credentials(random);
        if (auth != null) {
            options.putHeader("Authorization", auth);
        }
        Buffer body = body(random, method);
        String contentType = pick(random, CONTENT_TYPES);
        if (body.length() > 0 && !contentType.isEmpty()) {
            options.putHeader("Content-Type", contentType);
        }
        String description = method + " " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri)
                + " [" + contentType + ", " + body.length() + " bytes, auth " + (auth != null) + "]";
        Promise<Outcome> outcome = Promise.promise();
        long timer = server.vertx.setTimer(ANSWER_TIMEOUT_MS, t -> outcome.tryFail("no answer within " + ANSWER_TIMEOUT_MS + " ms"));
        // Requests start on the client's own context: from a foreign thread, a reused connection may
        // deliver the end of a response before body() has been asked for it.
        context.runOnContext(v -> http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(received -> new Outcome(description, response.statusCode(),
                        String.valueOf(response.getHeader("Content-Type")), received.toString())))
                .onComplete(outcome));
        return outcome.future()
                .onComplete(done -> server.vertx.cancelTimer(timer))
                .onSuccess(outcomes::add)
                .<Void>mapEmpty()
                .otherwise(failure -> {
                    outcomes.add(new Outcome(description, 599, "", "no answer: " + failure));
                    return null;
                });
    }

    private static String path(Random random, Endpoint endpoint) {
        if (random.nextInt(10) == 0) {
            return pick(random, List.of("/2010-04-01/", "/2010-04-01/Accounts", "/2010-04-01/Accounts.xml",
                    "/2010-04-01/Accounts/" + server.main.sid() + "/", "/2010-04-01//Calls.json", "/2010-04-01/%",
                    "/2010-04-01/Accounts/" + server.main.sid() + "/Calls.json/extra", "/2010-04-01/Accounts/../../etc/passwd"));
        }
        String template = endpoint.template();
        String path = template.replace("{AccountSid}", random.nextInt(4) > 0 ? server.main.sid() : pick(random, sids))
                .replace("{CallSid}", pick(random, sids)).replace("{Sid}", pick(random, sids));
        return random.nextInt(8) == 0 ? path.replace(".json", pick(random, List.of("", ".xml", ".json.json", ".JSON"))) : path;
    }

    private static String credentials(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "Basic !!!not-base64";
            case 2 -> "Bearer " + server.main.authToken();
            case 3 -> ApiServer.basic(server.main.sid(), "x".repeat(random.nextInt(2000)));
            case 4 -> ApiServer.basic(server.sub);
            default -> ApiServer.basic(server.main);
        };
    }

    private static Buffer body(Random random, String method) {
        return switch (random.nextInt(10)) {
            case 0 -> Buffer.buffer();
            case 1 -> {
                byte[] garbage = new byte[random.nextInt(512)];
                random.nextBytes(garbage);
                yield Buffer.buffer(garbage);
            }
            case 2 -> Buffer.buffer(new byte[random.nextInt(3) == 0 ? 70_000 : 65_537]);
            case 3 -> Buffer.buffer("{\"To\":\"+15550001111\",\"From\":\"+15550002222\"}");
            default -> method.equals("GET") && random.nextBoolean() ? Buffer.buffer() : Buffer.buffer(form(random));
        };
    }

    private static String form(Random random) {
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                form.append('&');
            }
            form.append(pick(random, PARAMS));
            if (random.nextInt(10) > 0) {
                form.append('=').append(pick(random, VALUES));
            }
        }
        return form.toString();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
