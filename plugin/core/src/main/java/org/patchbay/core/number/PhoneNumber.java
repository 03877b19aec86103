package org.patchbay.core.number;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * An IncomingPhoneNumber: a number the dialplan sends into Stasis, and the application that
 * answers it (either its own URLs or a {@code voiceApplicationSid}).
 */
public record PhoneNumber(
        String sid,
        String accountSid,
        String phoneNumber,
        String friendlyName,
        String voiceUrl,
        String voiceMethod,
        String voiceFallbackUrl,
        String voiceFallbackMethod,
        String statusCallback,
        String statusCallbackMethod,
        String voiceApplicationSid,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final String BY_NUMBER = "phoneNumber";
    public static final ResourceKind<PhoneNumber> KIND =
            ResourceKind.of("numbers", PhoneNumber.class, BY_NUMBER, PhoneNumber::phoneNumber);
}
