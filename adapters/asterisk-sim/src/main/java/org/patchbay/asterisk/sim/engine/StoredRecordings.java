package org.patchbay.asterisk.sim.engine;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code /recordings/stored}: the finished recordings, listed by name. */
public final class StoredRecordings {

    /** A stored recording's bytes and the content type they are served with. */
    public record File(Buffer bytes, String contentType) {
    }

    private final World world;

    StoredRecordings(World world) {
        this.world = world;
    }

    public JsonArray list() {
        JsonArray out = new JsonArray();
        world.stored.values().forEach(recording -> out.add(recording.toJson()));
        return out;
    }

    public JsonObject get(String name) {
        return find(name).toJson();
    }

    public void delete(String name) {
        find(name);
        world.stored.remove(name);
    }

    public File file(String name) {
        StoredRecording recording = find(name);
        return new File(recording.bytes(), recording.contentType());
    }

    public JsonObject copy(String name, String destination) {
        StoredRecording recording = find(name);
        if (destination == null || destination.isEmpty()) {
            throw AriError.badRequest("destinationRecordingName is required");
        }
        if (world.stored.containsKey(destination)) {
            throw AriError.conflict("A recording with the same name already exists on the system");
        }
        StoredRecording copy = recording.copyAs(destination);
        world.stored.put(destination, copy);
        return copy.toJson();
    }

    private StoredRecording find(String name) {
        StoredRecording recording = world.stored.get(name);
        if (recording == null) {
            throw AriError.notFound("Recording not found");
        }
        return recording;
    }
}
