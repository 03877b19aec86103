package org.patchbay.core.queue;

/**
 * {@code <Dial><Queue url>}: the document the dequeued caller hears before it is connected to the agent.
 *
 * @param url              absolute (resolved against the agent's document)
 * @param dequeuingCallSid the agent's call, sent as {@code DequeingCallSid} (Twilio's spelling)
 */
public record Announcement(String url, String method, String dequeuingCallSid) {
}
