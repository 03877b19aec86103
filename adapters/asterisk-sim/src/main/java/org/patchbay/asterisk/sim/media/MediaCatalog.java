package org.patchbay.asterisk.sim.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The sound files this "Asterisk" has installed, with how long each plays. */
public final class MediaCatalog {
    private static final long PROMPT_FAMILY_MILLIS = 2500;

    private final Map<String, Long> sounds = new HashMap<>();

    public MediaCatalog() {
        sounds.put("hello-world", 1400L);
        sounds.put("beep", 425L);
        sounds.put("tt-monkeys", 7000L);
        sounds.put("tt-weasels", 5000L);
        sounds.put("vm-goodbye", 800L);
        sounds.put("ss-noservice", 3500L);
        sounds.put("an-error-has-occurred", 1300L);
        sounds.put("conf-onlyperson", 2200L);
        sounds.put("conf-waitforleader", 2600L);
        sounds.put("queue-thankyou", 2000L);
        for (int seconds = 1; seconds <= 10; seconds++) {
            sounds.put("silence/" + seconds, seconds * 1000L);
        }
    }

    public void register(String name, long millis) {
        if (name == null || name.isBlank() || millis < 0) {
            throw new IllegalArgumentException("a sound needs a name and a non-negative duration");
        }
        sounds.put(name, millis);
    }

    /** How long {@code sound:<name>} plays, or empty when no such sound is installed. */
    public OptionalLong soundMillis(String name) {
        Long millis = sounds.get(name);
        if (millis != null) {
            return OptionalLong.of(millis);
        }
        if (name.startsWith("conf-") || name.startsWith("queue-")) {
            return OptionalLong.of(PROMPT_FAMILY_MILLIS);
        }
        return OptionalLong.empty();
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(sounds.keySet());
        names.sort(null);
        return names;
    }
}
