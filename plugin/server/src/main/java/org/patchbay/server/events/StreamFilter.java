package org.patchbay.server.events;

import org.patchbay.core.events.RoutedEvent;

import java.util.Arrays;
import java.util.List;

/**
 * What one live stream asked for: its account's events, of the listed types ({@code a.b.*} matches a prefix;
 * none listed means every type), about one subject when it names one.
 */
record StreamFilter(String accountSid, List<String> types, String subject) {

    static StreamFilter of(String accountSid, String types, String subject) {
        List<String> listed = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return new StreamFilter(accountSid, listed, subject == null || subject.isBlank() ? null : subject);
    }

    boolean admits(RoutedEvent event) {
        return accountSid.equals(event.accountSid())
                && (subject == null || subject.equals(event.subject()))
                && (types.isEmpty() || types.stream().anyMatch(type -> matches(type, event.type().name())));
    }

    private static boolean matches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }
}
