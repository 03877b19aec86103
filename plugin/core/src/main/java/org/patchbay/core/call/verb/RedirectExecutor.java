package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Redirect;

import java.util.Map;

public final class RedirectExecutor implements VerbExecutor<Redirect> {
    @Override
    public Future<Next> execute(CallControl call, Redirect redirect) {
        return Future.succeededFuture(new Next.Fetch(call.resolve(redirect.url()), redirect.method(), Map.of()));
    }
}
