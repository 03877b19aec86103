package org.patchbay.asterisk.sim.engine;

import java.util.Locale;
import java.util.Map;

/** An originate endpoint, {@code Tech/resource}; for Local channels the resource is {@code exten@context}. */
record Endpoint(String tech, String resource) {
    private static final Map<String, String> TECHS = Map.of(
            "local", "Local", "pjsip", "PJSIP", "sip", "SIP", "iax2", "IAX2", "dahdi", "DAHDI");

    static Endpoint parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw AriError.badRequest("Invalid endpoint specified");
        }
        return new Endpoint(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Asterisk cannot allocate a channel of a technology it has no driver for. */
    void requireKnownTech() {
        if (!TECHS.containsKey(tech.toLowerCase(Locale.ROOT))) {
            throw AriError.allocationFailed();
        }
    }

    boolean local() {
        return "local".equalsIgnoreCase(tech);
    }

    /** The Local channel's resource without its {@code /n}-style options. */
    private String localTarget() {
        int options = resource.indexOf('/');
        return options < 0 ? resource : resource.substring(0, options);
    }

    String exten() {
        String target = localTarget();
        int at = target.indexOf('@');
        return at < 0 ? target : target.substring(0, at);
    }

    String context() {
        String target = localTarget();
        int at = target.indexOf('@');
        return at < 0 ? "default" : target.substring(at + 1);
    }

    /** The channel name Asterisk gives, without the {@code -0000002a} suffix: {@code Local/2000@caller}, {@code PJSIP/bob}. */
    String namePrefix() {
        String canonical = TECHS.getOrDefault(tech.toLowerCase(Locale.ROOT), tech);
        if (local()) {
            return canonical + "/" + localTarget();
        }
        int at = resource.indexOf('@');
        String device = at >= 0 ? resource.substring(at + 1) : resource;
        int slash = device.indexOf('/');
        return canonical + "/" + (slash >= 0 ? device.substring(0, slash) : device);
    }

    @Override
    public String toString() {
        return tech + "/" + resource;
    }
}
