package org.patchbay.server.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchbay.asterisk.sim.InboundCall;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.server.e2e.Harness;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard in a real (headless) browser, while calls run through the simulated Asterisk. */
class DashboardBrowserIT {
    static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");

    @TempDir
    Path dataDir;
    Harness h;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireInstalled();
        h = Harness.start(dataDir, Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "2"));
        h.number("7200", "/hold", null, null);
        h.number("7201", "/broken", null, null);
        h.app.respond("/hold", "<Response><Say>Please hold</Say><Gather numDigits=\"1\" timeout=\"60\" action=\"/bye\"/></Response>");
        h.app.respond("/bye", "<Response><Hangup/></Response>");
        h.app.respond("/broken", 500, "text/plain", "the app is down");
        browser = Chromium.start(dataDir.resolve("chromium-profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn(h.patchbay.mainAccount().sid(), h.patchbay.mainAccount().authToken());
    }

    /** Sends the account's Basic credentials with every request of the page, as a browser does once signed in. */
    private void signIn(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (h != null) {
                h.close();
            }
        }
    }

    @Test
    void callsAppearChangeStateAndDisappearAndNotificationsShow() throws Exception {
        browser.get("http://127.0.0.1:" + h.patchbay.httpPort() + "/dashboard");
        wait.until(ExpectedConditions.attributeToBe(By.id("link"), "data-state", "live"));

        InboundCall broken = h.call("+15550007003", "7201");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notifications li[data-code='11200']")));
        h.finished(broken.channelId());

        InboundCall first = h.call("+15550007001", "7200");
        InboundCall second = h.call("+15550007002", "7200");
        String firstSid = h.awaitActivity(first.channelId(), GatherStarted.class).call().sid();
        String secondSid = h.awaitActivity(second.channelId(), GatherStarted.class).call().sid();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(row(firstSid)));
        wait.until(ExpectedConditions.attributeToBe(row(firstSid), "data-status", "in-progress"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-sid='" + secondSid + "'] .verb"), "Gather"));
        assertTrue(row.getText().contains("+15550007001"), row.getText());
        assertTrue(row.getText().contains("inbound"), row.getText());

        row.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-entries"), "<Gather>"));
        String timeline = browser.findElement(By.id("timeline-entries")).getText();
        assertTrue(timeline.contains("fetch POST " + h.app.url("/hold")), timeline);
        assertTrue(timeline.contains("status in-progress"), timeline);

        InboundCall overLimit = h.call("+15550007004", "7200");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rejections li[data-limit='concurrent-calls']")));
        h.waitUntil("the call over the limit refused", () -> !Harness.await(h.asterisk.state()).channels().contains(overLimit.channelId()));
        screenshot();

        Harness.await(h.asterisk.pressDigits(first.callerChannelId(), "1"));
        wait.until(ExpectedConditions.attributeToBe(row(firstSid), "data-status", "completed"));
        wait.until(ExpectedConditions.numberOfElementsToBe(row(firstSid), 0));
        Harness.await(h.asterisk.hangUp(second.callerChannelId()));
        wait.until(ExpectedConditions.numberOfElementsToBe(row(secondSid), 0));
        wait.until(ExpectedConditions.textToBe(By.id("call-count"), "0"));
    }

    @Test
    void theAccountPanelsShowLimitsTriggersPresenceAndSinksAndFollowChanges() throws Exception {
        String main = h.patchbay.mainAccount().sid();
        JsonObject trigger = new JsonObject(rest("/2010-04-01/Accounts/" + main + "/Usage/Triggers.json",
                "CallbackUrl=" + encode(h.app.url("/fired")) + "&TriggerValue=5&UsageCategory=calls&FriendlyName=five-calls"));
        JsonObject sink = new JsonObject(rest("/v1/Sinks", "Description=Audit&SinkType=webhook&SinkConfiguration="
                + encode("{\"destination\":\"" + h.app.url("/events") + "\"}")));
        Harness.await(h.patchbay.presence().register(device("alice", "desk", PresenceStatus.available)));
        InboundCall holding = h.call("+15550007011", "7200");
        h.awaitActivity(holding.channelId(), GatherStarted.class);

        browser.get("http://127.0.0.1:" + h.patchbay.httpPort() + "/dashboard");
        wait.until(ExpectedConditions.attributeToBe(By.id("link"), "data-state", "live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#limits tr[data-sid='" + main + "']"), "1 / 2"));
        String triggerRow = browser.findElement(By.cssSelector("#triggers tr[data-sid='" + trigger.getString("sid") + "']")).getText();
        assertTrue(triggerRow.contains("five-calls") && triggerRow.contains("calls") && triggerRow.contains("never"), triggerRow);
        String sinkRow = browser.findElement(By.cssSelector("#sinks tr[data-sid='" + sink.getString("sid") + "']")).getText();
        assertTrue(sinkRow.contains("Audit") && sinkRow.contains("webhook"), sinkRow);
        String presence = browser.findElement(By.id("presence")).getText();
        assertTrue(presence.contains("alice") && presence.contains("available"), presence);

        Harness.await(h.patchbay.presence().register(device("bob", "phone", PresenceStatus.busy)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "bob"));
        Harness.await(h.asterisk.hangUp(holding.callerChannelId()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#limits tr[data-sid='" + main + "']"), "0 / 2"));
    }

    private Device device(String identity, String name, PresenceStatus status) {
        return new Device(h.patchbay.mainAccount().sid(), identity, name, null, status, "test-node", Instant.now(), true, null, Map.of());
    }

    private String rest(String path, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((h.patchbay.mainAccount().sid() + ":" + h.patchbay.mainAccount().authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort() + path))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static By row(String callSid) {
        return By.cssSelector("#calls tr[data-sid='" + callSid + "']");
    }

    private void screenshot() throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
