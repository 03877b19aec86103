package org.patchbay.core.endpoint;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dialled party goes on this PBX: a phone number, a SIP URI or a client identity becomes an
 * Asterisk endpoint through the operator's templates, e.g. {@code PJSIP/{number}@trunk},
 * {@code PJSIP/patchbay-sip/{uri}} and {@code PJSIP/{identity}}. Only safe characters pass into the dial string:
 * Asterisk would read {@code &} or {@code ,} as more parties or options.
 */
public record EndpointTemplates(String number, String sip, String client) {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final Pattern SIP = Pattern.compile("sips?:([A-Za-z0-9._+\\-]{1,64})@([A-Za-z0-9.\\-]{1,253})(:\\d{1,5})?(;.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLIENT = Pattern.compile("client:([A-Za-z0-9._\\-]{1,121})");

    /**
     * The default SIP template dials the URI itself through the outbound endpoint {@value #SIP_ENDPOINT}
     * (see dialplan/pjsip.conf), so {@code sip:bob@carrier.example} reaches carrier.example rather
     * than a local endpoint named bob.
     */
    public static final String SIP_ENDPOINT = "patchbay-sip";
    public static final String DEFAULT_SIP = "PJSIP/" + SIP_ENDPOINT + "/{uri}";

    public static EndpointTemplates defaults() {
        return new EndpointTemplates("PJSIP/{number}", DEFAULT_SIP, "PJSIP/{identity}");
    }

    /** What kind of party an address names, as Twilio's call categories count them. */
    public enum Kind { NUMBER, SIP, CLIENT }

    public static Kind kindOf(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        return a.startsWith("client:") ? Kind.CLIENT : a.startsWith("sip:") || a.startsWith("sips:") ? Kind.SIP : Kind.NUMBER;
    }

    /** The client identity whose calls ring {@code endpoint} by the client template, or null. */
    public String identityAt(String endpoint) {
        int hole = client.indexOf("{identity}");
        if (hole < 0) {
            return null;
        }
        Pattern reverse = Pattern.compile(Pattern.quote(client.substring(0, hole)) + "([A-Za-z0-9._\\-]{1,121})"
                + Pattern.quote(client.substring(hole + "{identity}".length())));
        Matcher m = reverse.matcher(endpoint);
        return m.matches() ? m.group(1) : null;
    }

    public String endpointFor(String address) {
        String trimmed = address.trim();
        switch (kindOf(trimmed)) {
            case CLIENT -> {
                Matcher m = CLIENT.matcher(trimmed);
                if (!m.matches()) {
                    throw invalid(address);
                }
                return client.replace("{identity}", m.group(1));
            }
            case SIP -> {
                Matcher m = SIP.matcher(trimmed);
                if (!m.matches()) {
                    throw invalid(address);
                }
                String port = m.group(3) == null ? "" : m.group(3);
                return sip.replace("{user}", m.group(1)).replace("{host}", m.group(2) + port)
                        .replace("{uri}", scheme(trimmed) + m.group(1) + "@" + m.group(2) + port);
            }
            default -> {
                String digits = trimmed.replaceAll("[\\s().\\-]", "");
                if (!NUMBER.matcher(digits).matches()) {
                    throw invalid(address);
                }
                return number.replace("{number}", digits);
            }
        }
    }

    private static String scheme(String sipUri) {
        return sipUri.toLowerCase(Locale.ROOT).startsWith("sips:") ? "sips:" : "sip:";
    }

    private static PatchbayException invalid(String address) {
        return new PatchbayException(400, ErrorCode.INVALID_TO, "The phone number, SIP URI or client '" + address
                + "' cannot be dialled");
    }
}
