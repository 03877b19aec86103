package org.patchbay.core.twiml;

/**
 * Attributes Patchbay reads and checks but cannot carry out. Each one given raises the 12200
 * warning naming it and saying what happens instead, as unknown attributes do, so that nothing
 * is accepted and silently ignored.
 */
final class NotApplied {
    private NotApplied() {
    }

    static void warn(XmlCursor cursor, String element, String attribute, String value, String instead) {
        cursor.warn("<" + element + "> attribute '" + attribute + "'" + (value == null ? "" : "=\"" + value + "\"")
                + " cannot be applied by Patchbay and was ignored: " + instead);
    }
}
