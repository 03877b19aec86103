package org.patchbay.core.call;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboundRoutingTest {

    @Test
    void aChannelsEndpointIsItsNameWithoutTheUniqueSuffix() {
        assertEquals("PJSIP/alice-desk", InboundRouting.endpointOf("PJSIP/alice-desk-0000002a"));
        assertEquals("Local/8000@stasis-in-00000001;2", InboundRouting.endpointOf("Local/8000@stasis-in-00000001;2"));
    }
}
