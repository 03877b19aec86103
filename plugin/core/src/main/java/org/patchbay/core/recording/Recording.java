package org.patchbay.core.recording;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * A recording made on a call; its audio stays where Asterisk stored it ({@code mediaName}).
 *
 * @param status in-progress, completed, absent, failed or deleted
 * @param source RecordVerb, DialVerb, Conference, OutboundAPI, ...
 */
public record Recording(
        String sid,
        String accountSid,
        String callSid,
        String conferenceSid,
        String status,
        String source,
        Integer duration,
        int channels,
        String mediaName,
        String mediaFormat,
        Instant startTime,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final ResourceKind<Recording> KIND = ResourceKind.of("recordings", Recording.class);
}
