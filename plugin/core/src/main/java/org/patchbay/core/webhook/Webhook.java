package org.patchbay.core.webhook;

import java.util.Map;

/**
 * A callback to the customer (status callback, recording status, usage trigger...).
 *
 * @param orderingKey hooks with the same key are delivered one after another, in the order sent
 *                    (a call's status callbacks); null for no ordering
 */
public record Webhook(String url, String method, Map<String, String> params, String authToken, String orderingKey) {
}
