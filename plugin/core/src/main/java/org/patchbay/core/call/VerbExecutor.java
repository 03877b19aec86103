package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.twiml.Verb;

/** Runs one kind of verb on a call and says what comes next. */
public interface VerbExecutor<V extends Verb> {
    Future<Next> execute(CallControl call, V verb);
}
