package org.patchbay.core.events;

import org.patchbay.core.notification.Notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Notification (error or warning) was logged; its subject is the call it is about, else the notification itself. */
public record NotificationLogged(Notification notification) implements PlatformEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.notification.logged");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String accountSid() {
        return notification.accountSid();
    }

    @Override
    public String subject() {
        return notification.callSid() != null ? notification.callSid() : notification.sid();
    }

    @Override
    public Instant time() {
        return notification.dateCreated();
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("NotificationSid", notification.sid());
        data.put("CallSid", notification.callSid());
        data.put("ErrorCode", notification.errorCode());
        data.put("Log", notification.log() == Notification.ERROR ? "error" : "warning");
        data.put("MessageText", notification.messageText());
        data.put("MoreInfo", notification.moreInfo());
        data.put("RequestUrl", notification.requestUrl());
        data.put("RequestMethod", notification.requestMethod());
        data.put("ResponseStatus", notification.responseStatus());
        return data;
    }
}
