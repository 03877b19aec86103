package org.patchbay.asterisk.sim.engine;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.patchbay.asterisk.sim.media.Wav;

import java.util.ArrayList;
import java.util.List;

/** A finished recording: what was captured, kept as segments so its bytes are made only when downloaded. */
final class StoredRecording {
    final String name;
    final String format;
    final List<Wav.Segment> segments;

    StoredRecording(String name, String format, List<Wav.Segment> segments) {
        this.name = name;
        this.format = format;
        this.segments = List.copyOf(segments);
    }

    long millis() {
        long total = 0;
        for (Wav.Segment segment : segments) {
            total += segment.millis();
        }
        return total;
    }

    StoredRecording appended(List<Wav.Segment> more) {
        List<Wav.Segment> all = new ArrayList<>(segments);
        all.addAll(more);
        return new StoredRecording(name, format, all);
    }

    StoredRecording copyAs(String newName) {
        return new StoredRecording(newName, format, segments);
    }

    /** WAV formats download as WAV; other formats as raw bytes of the same length at 16 kB/s. */
    Buffer bytes() {
        Buffer wav = Wav.of(segments);
        return format.startsWith("wav") ? wav : wav.slice(Wav.HEADER_BYTES, wav.length());
    }

    String contentType() {
        return format.startsWith("wav") ? "audio/wav" : "application/octet-stream";
    }

    JsonObject toJson() {
        return new JsonObject().put("name", name).put("format", format);
    }
}
