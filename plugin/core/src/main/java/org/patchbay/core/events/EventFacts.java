package org.patchbay.core.events;

/** The names of the facts a routed event carries for filtering (see {@link RoutedEvent#facts()}). */
public final class EventFacts {
    public static final String DIRECTION = "direction";
    public static final String TO = "to";
    public static final String FROM = "from";

    private EventFacts() {
    }
}
