package org.patchbay.server.api;

import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.patchbay.core.account.Account;

import java.util.List;

/**
 * Drives the API through Twilio's official Java helper library, as a Twilio developer would, and
 * checks every JSON answer the library received against Twilio's published schema for it.
 */
abstract class SdkTestBase {
    static ApiServer server;
    static TwilioSchemas schemas;
    LoopbackTwilioHttpClient http;
    TwilioRestClient client;

    @BeforeAll
    static void startServer() {
        server = ApiServer.start();
        schemas = TwilioSchemas.load();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connectAsMainAccount() {
        http = new LoopbackTwilioHttpClient(server.baseUrl());
        client = clientFor(server.main.sid(), server.main.authToken());
    }

    TwilioRestClient clientFor(String user, String password) {
        return new TwilioRestClient.Builder(user, password).httpClient(http).build();
    }

    TwilioRestClient clientFor(Account account) {
        return clientFor(account.sid(), account.authToken());
    }

    /** Every successful JSON answer of the test must match Twilio's schema for its operation. */
    @AfterEach
    void answersMatchTwilioSchemas() {
        List<LoopbackTwilioHttpClient.Exchange> checked = http.exchanges.stream()
                .filter(e -> e.status() >= 200 && e.status() < 300 && e.status() != 204)
                .toList();
        for (LoopbackTwilioHttpClient.Exchange e : checked) {
            schemas.assertValid(e.method(), e.path(), e.status(), e.body());
        }
    }
}
