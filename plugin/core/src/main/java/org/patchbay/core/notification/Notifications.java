package org.patchbay.core.notification;

import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.NotificationLogged;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes Notification records: what went wrong with a call's application, for the developer to read. */
public final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final int BODY_LIMIT = 1024;

    private final Store store;
    private final EventPublisher events;

    public Notifications(Store store) {
        this(store, EventPublisher.none());
    }

    /** Also publishes every notification it logs ({@link NotificationLogged}). */
    public Notifications(Store store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** The request Patchbay made when the problem happened, if it made one. */
    public record Request(String url, String method, Map<String, String> params, Integer status, String body) {
        public static final Request NONE = new Request(null, null, Map.of(), null, null);
    }

    public void error(String accountSid, String callSid, ErrorCode code, String message, Request request) {
        write(accountSid, callSid, code.code(), Notification.ERROR, message, request);
    }

    public void warning(String accountSid, String callSid, int code, String message, Request request) {
        write(accountSid, callSid, code, Notification.WARNING, message, request);
    }

    private void write(String accountSid, String callSid, int code, int log, String message, Request request) {
        Instant now = Instant.now();
        Notification notification = new Notification(Sids.next(Sids.NOTIFICATION), accountSid, callSid, code, log, message,
                "https://www.twilio.com/docs/errors/" + code, request.url(), request.method(), formEncoded(request.params()),
                request.status(), head(request.body()), now, now);
        LOG.info("call {}: {} {} ({})", callSid, log == Notification.ERROR ? "error" : "warning", code, message);
        events.publish(new NotificationLogged(notification));
        store.of(Notification.KIND).put(notification)
                .onFailure(e -> LOG.error("could not store notification for call {}: {}", callSid, e.getMessage()));
    }

    private static String formEncoded(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String head(String body) {
        return body == null || body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT);
    }
}
