package org.patchbay.core.endpoint;

import org.junit.jupiter.api.Test;
import org.patchbay.core.error.PatchbayException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndpointTemplatesTest {
    private final EndpointTemplates templates =
            new EndpointTemplates("PJSIP/{number}@trunk", "PJSIP/{user}@{host}", "PJSIP/{identity}");

    @Test
    void numbersSipUrisAndClientsFillTheirTemplates() {
        assertEquals("PJSIP/+15551234567@trunk", templates.endpointFor("+1 (555) 123-4567"));
        assertEquals("PJSIP/alice@pbx.example.com:5070", templates.endpointFor("sip:alice@pbx.example.com:5070;transport=tcp"));
        assertEquals("PJSIP/bob", templates.endpointFor("client:bob"));
    }

    @Test
    void theDefaultSipTemplateDialsTheUriSHostThroughTheOutboundEndpoint() {
        EndpointTemplates defaults = EndpointTemplates.defaults();
        assertEquals("PJSIP/patchbay-sip/sip:bob@carrier.example", defaults.endpointFor("sip:bob@carrier.example"));
        assertEquals("PJSIP/patchbay-sip/sips:bob@carrier.example:5061", defaults.endpointFor("sips:bob@carrier.example:5061;transport=tls"));
    }

    @Test
    void addressesThatWouldInjectIntoTheDialStringAreRefused() {
        for (String bad : new String[]{"1000&PJSIP/evil", "1000,,30", "sip:a&b@host", "client:bob&alice", "", "abc", "sip:@host"}) {
            PatchbayException e = assertThrows(PatchbayException.class, () -> templates.endpointFor(bad), bad);
            assertEquals(21211, e.code());
        }
    }

    @Test
    void theClientTemplateReadBackwardsNamesTheIdentityAnEndpointRings() {
        assertEquals("carol", templates.identityAt("PJSIP/carol"));
        assertEquals(null, templates.identityAt("SIP/carol"));
        assertEquals(null, templates.identityAt("PJSIP/carol&PJSIP/mallory"));
        EndpointTemplates suffixed = new EndpointTemplates("PJSIP/{number}", "PJSIP/{user}", "PJSIP/app-{identity}@edge");
        assertEquals("dave", suffixed.identityAt("PJSIP/app-dave@edge"));
        assertEquals(null, suffixed.identityAt("PJSIP/dave"));
        EndpointDirectory directory = new EndpointDirectory(templates, java.util.Map.of("AC1", suffixed));
        assertEquals(java.util.Map.entry("AC1", "dave"), directory.clientAt("PJSIP/app-dave@edge", "ACmain").orElseThrow());
        assertEquals(java.util.Map.entry("ACmain", "carol"), directory.clientAt("PJSIP/carol", "ACmain").orElseThrow());
    }

    @Test
    void kindsAreTold() {
        assertEquals(EndpointTemplates.Kind.CLIENT, EndpointTemplates.kindOf("client:x"));
        assertEquals(EndpointTemplates.Kind.SIP, EndpointTemplates.kindOf("SIP:x@y"));
        assertEquals(EndpointTemplates.Kind.NUMBER, EndpointTemplates.kindOf("+15550001111"));
    }
}
