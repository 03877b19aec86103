package org.patchbay.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.media.CachedMedia;
import org.patchbay.core.media.PlayMediaCache;
import org.patchbay.core.tts.Speech;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.tts.TtsEngine;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Serves the audio Patchbay makes for Asterisk as {@code <prefix><id>.wav}: synthesised speech
 * at {@code /media/tts/}, converted {@code <Play>} media at {@code /media/play/}. A file never
 * changes under its id, so it is cacheable for a long time: with Cache-Control, Asterisk's HTTP
 * media cache downloads it once instead of on every playback.
 *
 * <p>No credentials (Asterisk sends none), so {@link MediaAccess} decides: a client outside the
 * allow list gets 403, an id no call on this node handed to the PBX lately gets 404 as an unknown
 * one does; neither has a body, and neither touches the disk.
 */
public final class SpeechMediaRoute {
    private final String prefix;
    private final Function<String, Path> files;
    private final MediaAccess access;

    /** @param files the file of an id, or null; may read from disk (it runs on a worker) */
    public SpeechMediaRoute(String prefix, Function<String, Path> files, MediaAccess access) {
        this.prefix = prefix;
        this.files = files;
        this.access = access;
    }

    public SpeechMediaRoute(TtsEngine engine, MediaAccess access) {
        this(SpeechMedia.ROUTE_PREFIX, id -> {
            Speech speech = engine.cached(id);
            return speech == null ? null : speech.file();
        }, access);
    }

    public static SpeechMediaRoute forPlayMedia(PlayMediaCache cache, MediaAccess access) {
        return new SpeechMediaRoute(SpeechMedia.PLAY_ROUTE_PREFIX, id -> {
            CachedMedia media = cache.cached(id);
            return media == null ? null : media.file();
        }, access);
    }

    public void mount(Router router) {
        router.get(prefix + ":file").handler(this::handle);
    }

    /** The lookup may read a file header from disk, so it runs off the event loop. */
    private void handle(RoutingContext ctx) {
        if (!access.admitsClient(ctx.request().remoteAddress())) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        String file = ctx.pathParam("file");
        if (!file.endsWith(".wav") || !access.admitsPath(prefix + file)) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        ctx.vertx().executeBlocking(() -> files.apply(file.substring(0, file.length() - 4)), false).onComplete(found -> {
            Path path = found.succeeded() ? found.result() : null;
            if (path == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response()
                    .putHeader("Content-Type", "audio/wav")
                    .putHeader("Cache-Control", "public, max-age=86400, immutable")
                    .sendFile(path.toString())
                    .onFailure(e -> ctx.response().setStatusCode(404).end());
        });
    }
}
