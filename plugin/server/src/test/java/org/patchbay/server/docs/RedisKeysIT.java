package org.patchbay.server.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RedisServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/redis.md stays true: its table of keys is exactly the keys (as patterns) and types that Patchbay
 * writes into a real redis-server while calls run, the API is used and a call fails.
 */
class RedisKeysIT {
    private static final Path DOC = Path.of("../../docs/redis.md");
    /** A documented row: | `key pattern` | type | meaning | */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([a-z ]+) \\|");
    private static final Pattern SID = Pattern.compile("\\b(AC|CA|PN|NO|RE|SK|AP|CF|QU)[0-9a-f]{32}\\b");
    private static final Map<String, String> SID_NAMES = Map.of("AC", "{AccountSid}", "CA", "{CallSid}", "PN", "{PhoneNumberSid}",
            "NO", "{NotificationSid}", "RE", "{RecordingSid}", "SK", "{KeySid}", "AP", "{ApplicationSid}",
            "CF", "{ConferenceSid}", "QU", "{QueueSid}");

    @TempDir
    Path dataDir;

    @Test
    void theDocumentedKeysAreTheKeysWritten() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> written = new TreeMap<>();
            try (Harness h = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_LIMIT_CALLS_CONCURRENT", "1"))) {
                h.number("7400", "/voice", null, null);
                h.number("7401", "/broken", null, null);
                h.number("7402", "/hold", null, null);
                h.app.respond("/voice", "<Response><Say>Hello</Say><Hangup/></Response>");
                h.app.respond("/broken", 500, "text/plain", "down");
                h.app.respond("/hold", "<Response><Gather numDigits=\"1\" timeout=\"60\"/></Response>");
                InboundCall held = h.call("+15550007402", "7402");
                h.awaitActivity(held.channelId(), GatherStarted.class);
                InboundCall refused = h.call("+15550007403", "7400");
                h.waitUntil("the call over the limit refused", () -> !Harness.await(h.asterisk.state()).channels()
                        .contains(refused.channelId()));
                scan(redis, written);
                Harness.await(h.asterisk.hangUp(held.callerChannelId()));
                h.finished(held.channelId());
                InboundCall ok = h.call("+15550007400", "7400");
                h.finished(ok.channelId());
                InboundCall broken = h.call("+15550007401", "7401");
                h.finished(broken.channelId());
                apiCall(h);
                // An API request's slot is held while it is served and lingers 10 ms after (SlotReuse): the table
                // lists what stays, so the scan waits until it is given back.
                h.waitUntil("the API request's slot given back", () -> {
                    try {
                        return redisCli(redis, "--scan", "--pattern", "pb:limits:api:*").isBlank();
                    } catch (Exception e) {
                        return false;
                    }
                });
                scan(redis, written);
            }
            scan(redis, written);
            assertEquals(documented(), written, "docs/redis.md's table against the keys in Redis during and after a run");
        }
    }

    /** Adds every key now in Redis, as a pattern, with its type. */
    private static void scan(RedisServer redis, Map<String, String> written) throws Exception {
        for (String key : redisCli(redis, "--scan").split("\n")) {
            if (!key.isBlank()) {
                written.put(pattern(key), redisCli(redis, "TYPE", key).trim());
            }
        }
    }

    private static void apiCall(Harness h) throws Exception {
        String auth = Base64.getEncoder().encodeToString((h.patchbay.mainAccount().sid() + ":" + h.patchbay.mainAccount().authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort()
                + "/2010-04-01/Accounts/" + h.patchbay.mainAccount().sid() + "/Calls.json")).header("Authorization", "Basic " + auth).build();
        assertEquals(200, HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** A key as the table writes it: SIDs named by kind, index values, event partitions and subjects by role. */
    static String pattern(String key) {
        Matcher sids = SID.matcher(key);
        StringBuilder named = new StringBuilder();
        while (sids.find()) {
            sids.appendReplacement(named, Matcher.quoteReplacement(SID_NAMES.get(sids.group(1))));
        }
        sids.appendTail(named);
        return named.toString().replaceFirst("^(pb:[a-z]+:idx:[A-Za-z]+:).*$", "$1{value}")
                .replaceFirst("^pb:events:[0-9]+$", "pb:events:{partition}")
                .replaceFirst("^pb:events:seq:.*$", "pb:events:seq:{subject}")
                .replaceFirst("^pb:events:lease:([^:]+):[0-9]+$", "pb:events:lease:{group}:{partition}")
                .replaceFirst("^(pb:usage:c:(own|fam):\\{AccountSid}):.*$", "$1:{bucket}")
                .replaceFirst("^pb:usage:seen:.*$", "pb:usage:seen:{eventId}")
                .replaceFirst("^pb:nodes:calls:.*$", "pb:nodes:calls:{node}")
                .replaceFirst("^(pb:calls:acct:\\{AccountSid}):[A-Za-z]+:.*$", "$1:{field}:{value}");
    }

    private static Map<String, String> documented() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), row.group(2).trim());
            }
        }
        return rows;
    }

    private static String redisCli(RedisServer redis, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "redis-cli";
        command[1] = "-p";
        command[2] = Integer.toString(redis.port());
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            out.lines().forEach(line -> text.append(line).append('\n'));
            process.waitFor();
            return text.toString();
        }
    }
}
