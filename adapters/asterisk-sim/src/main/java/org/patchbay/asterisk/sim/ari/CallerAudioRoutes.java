package org.patchbay.asterisk.sim.ari;

import io.vertx.core.json.JsonObject;
import org.patchbay.asterisk.sim.ReceivedAudio;
import org.patchbay.asterisk.sim.engine.CallerAudio;
import org.patchbay.asterisk.sim.media.Ulaw;

import java.util.Base64;

/**
 * {@code /sim/calls/{id}/audio}: the caller sends µ-law ({@code {"ulaw": base64}} or a tone
 * {@code {"toneHz": 440, "ms": 500}}; 204 once sent) and reads back what it received ({@code {"frames", "ulaw"}}).
 */
public final class CallerAudioRoutes {
    private final CallerAudio audio;

    public CallerAudioRoutes(CallerAudio audio) {
        this.audio = audio;
    }

    /** Mount after {@link ControlRoutes}, whose body handler reads the JSON of every {@code /sim} route. */
    public void mount(io.vertx.ext.web.Router router) {
        AriRoutes routes = new AriRoutes(router, "/sim");
        routes.post("/calls/:channelId/audio", params -> {
            String ulaw = params.string("ulaw");
            byte[] bytes = ulaw != null ? Base64.getDecoder().decode(ulaw)
                    : Ulaw.tone(params.integer("toneHz", 440), params.integer("ms", 500));
            return Reply.noContentWhen(audio.send(params.path("channelId"), bytes));
        });
        routes.get("/calls/:channelId/audio", params -> {
            ReceivedAudio received = audio.received(params.path("channelId"));
            return Reply.ok(new JsonObject().put("frames", received.frames())
                    .put("ulaw", Base64.getEncoder().encodeToString(received.ulaw())));
        });
    }
}
