package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.InstructionSource;
import org.patchbay.core.instructions.Instructions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The customer's TwiML app without HTTP: documents by URL, and every request the call engine made. */
final class ScriptedApp implements InstructionSource {
    static final String BASE = "http://127.0.0.1:8090";

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final List<InstructionRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedApp respond(String path, String twiml) {
        documents.put(BASE + path, twiml);
        return this;
    }

    List<InstructionRequest> requests() {
        return List.copyOf(requests);
    }

    List<InstructionRequest> requests(String path) {
        return requests.stream().filter(r -> r.url().equals(BASE + path)).toList();
    }

    @Override
    public Future<Instructions> fetch(InstructionRequest request) {
        requests.add(request);
        String body = documents.get(request.url());
        if (body == null) {
            return Future.failedFuture(new InstructionFetchException(ErrorCode.HTTP_RETRIEVAL_FAILURE,
                    "404 from " + request.url(), 404, "not found"));
        }
        return Future.succeededFuture(new Instructions(request.url(), 200, "text/xml", body));
    }
}
