package org.patchbay.core.application;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/** A reusable set of voice URLs that numbers and outbound calls can point at. */
public record Application(
        String sid,
        String accountSid,
        String friendlyName,
        String voiceUrl,
        String voiceMethod,
        String voiceFallbackUrl,
        String voiceFallbackMethod,
        String statusCallback,
        String statusCallbackMethod,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final ResourceKind<Application> KIND = ResourceKind.of("applications", Application.class);
}
