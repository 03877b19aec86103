package org.patchbay.server.api;

import io.vertx.core.Future;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkChanges;
import org.patchbay.core.events.sink.SinkTester;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event router's side of the Event Streams API, standing in for it: it remembers every test event it was
 * asked to send (the sink and its test id, as a sink's owner would read them off the delivered event) and every
 * change it was told about.
 */
final class FakeEventRouter implements SinkTester, SinkChanges {
    record TestEvent(String sinkSid, String testId) {
    }

    final List<TestEvent> tests = new CopyOnWriteArrayList<>();
    final List<String> changedAccounts = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> sendTest(Sink sink, String testId) {
        tests.add(new TestEvent(sink.sid(), testId));
        return Future.succeededFuture();
    }

    @Override
    public void changed(String accountSid) {
        changedAccounts.add(accountSid);
    }

    /** The id of the last test event sent to {@code sinkSid}. */
    String lastTestId(String sinkSid) {
        return tests.stream().filter(test -> test.sinkSid().equals(sinkSid)).reduce((first, second) -> second)
                .map(TestEvent::testId).orElseThrow(() -> new AssertionError("no test event was sent to " + sinkSid));
    }
}
