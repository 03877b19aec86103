package org.patchbay.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@code redis-server} for all the tests of a class, started before the first and stopped
 * after the last: {@code @RegisterExtension static final SharedRedis REDIS = new SharedRedis();}.
 * Tests keep apart by key prefix.
 */
public final class SharedRedis implements BeforeAllCallback, AfterAllCallback {
    private RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public String url() {
        return server.url();
    }
}
