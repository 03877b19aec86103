package org.patchbay.core.twiml;

public record Enqueue(String queueName, String action, String method, String waitUrl, String waitUrlMethod) implements Verb {
}
