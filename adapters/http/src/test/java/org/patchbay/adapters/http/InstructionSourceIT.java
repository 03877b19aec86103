package org.patchbay.adapters.http;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchbay.testkit.FakeAppServer;

/** Each test gets a real app server on a free loopback port and a fresh HttpInstructionSource, both closed after it. */
@ExtendWith(VertxExtension.class)
abstract class InstructionSourceIT {
    protected Vertx vertx;
    protected FakeAppServer app;
    protected HttpInstructionSource source;

    @BeforeEach
    final void startAppAndSource(Vertx vertx) {
        this.vertx = vertx;
        app = Await.result(FakeAppServer.start(vertx));
        source = new HttpInstructionSource(vertx);
    }

    @AfterEach
    final void closeAppAndSource() {
        Await.result(source.close());
        Await.result(app.close());
    }
}
