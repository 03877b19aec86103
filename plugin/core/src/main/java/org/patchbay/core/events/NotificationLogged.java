package org.patchbay.core.events;

import org.patchbay.core.notification.Notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Notification (an error or a warning about a call's application) was logged: what operators watch for. */
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

    /** The call the notification is about. */
    @Override
    public String subject() {
        return notification.callSid();
    }

    @Override
    public Instant time() {
        return notification.messageDate();
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("NotificationSid", notification.sid());
        data.put("CallSid", notification.callSid());
        data.put("ErrorCode", notification.errorCode());
        data.put("Level", notification.log() == Notification.ERROR ? "error" : "warning");
        data.put("Message", notification.messageText());
        data.put("RequestUrl", notification.requestUrl());
        return data;
    }
}
