package org.patchbay.core.twiml;

/** Text put into TwiML that Patchbay writes itself (a spoken text/plain reply, a dialled participant's document). */
public final class XmlText {
    private XmlText() {
    }

    /** Escaped for an element's text or a double- or single-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
