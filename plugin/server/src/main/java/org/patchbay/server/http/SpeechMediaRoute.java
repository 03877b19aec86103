package org.patchbay.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.tts.Speech;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.tts.TtsEngine;

/**
 * Serves synthesised speech to Asterisk at {@code /media/tts/<id>.wav}. The files never change
 * under their id, so they are cacheable for a long time: with Cache-Control, Asterisk's HTTP media
 * cache downloads a prompt once instead of on every playback.
 */
public final class SpeechMediaRoute {
    private final TtsEngine engine;

    public SpeechMediaRoute(TtsEngine engine) {
        this.engine = engine;
    }

    public void mount(Router router) {
        router.get(SpeechMedia.ROUTE_PREFIX + ":file").handler(this::handle);
    }

    /** The lookup may read a file header from disk, so it runs off the event loop. */
    private void handle(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".wav")) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        ctx.vertx().executeBlocking(() -> engine.cached(file.substring(0, file.length() - 4)), false).onComplete(found -> {
            Speech speech = found.succeeded() ? found.result() : null;
            if (speech == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response()
                    .putHeader("Content-Type", "audio/wav")
                    .putHeader("Cache-Control", "public, max-age=86400, immutable")
                    .sendFile(speech.file().toString())
                    .onFailure(e -> ctx.response().setStatusCode(404).end());
        });
    }
}
