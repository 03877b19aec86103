package org.patchbay.server.api.participants;

import org.junit.jupiter.api.Test;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialConference;
import org.patchbay.core.twiml.TwimlParser;
import org.patchbay.server.api.http.FormDecoder;
import org.patchbay.server.api.http.Params;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TwiML a dialled participant runs says what its parameters asked for, whatever the room is called. */
class ParticipantCreationTest {
    private static final String ACCOUNT = "AC" + "0".repeat(32);

    private static Params form(String body) {
        return FormDecoder.decode(body.getBytes(StandardCharsets.UTF_8));
    }

    private static DialConference noun(ParticipantCreation.Dialled dialled) throws Exception {
        Dial dial = (Dial) new TwimlParser().parse(dialled.call().twiml()).verbs().get(0);
        return (DialConference) dial.nouns().get(0);
    }

    @Test
    void theParametersBecomeTheConferenceNounOfTheCalleesTwiml() throws Exception {
        ParticipantCreation.Dialled dialled = ParticipantCreation.read(ACCOUNT, "Sales & \"Support\" <EU>",
                form("To=%2B15557002000&From=%2B15550001111&Muted=true&Beep=onExit&StartConferenceOnEnter=false"
                        + "&EndConferenceOnExit=true&Label=boss&Timeout=20&ConferenceStatusCallback=http%3A%2F%2F127.0.0.1%2Fconf"
                        + "&ConferenceStatusCallbackEvent=join+leave&StatusCallback=http%3A%2F%2F127.0.0.1%2Fcall"));
        DialConference noun = noun(dialled);
        assertEquals("Sales & \"Support\" <EU>", noun.name());
        assertTrue(noun.muted());
        assertEquals("onExit", noun.beep());
        assertFalse(noun.startConferenceOnEnter());
        assertTrue(noun.endConferenceOnExit());
        assertEquals("http://127.0.0.1/conf", noun.statusCallback());
        assertEquals(List.of("join", "leave"), noun.statusCallbackEvent());
        assertNull(noun.waitUrl(), "no WaitUrl: hold music");
        assertEquals("boss", dialled.label());
        assertEquals(20, dialled.call().timeoutSeconds());
        assertEquals("http://127.0.0.1/call", dialled.call().app().statusCallback());
        assertEquals("+15557002000", dialled.call().to());
    }

    @Test
    void badInputIsRefusedWithTwiliosErrors() {
        assertEquals(21201, assertThrows(PatchbayException.class,
                () -> ParticipantCreation.read(ACCOUNT, "room", form("From=%2B15550001111"))).code());
        assertEquals(21603, assertThrows(PatchbayException.class,
                () -> ParticipantCreation.read(ACCOUNT, "room", form("To=%2B15557002000"))).code());
        assertEquals(21200, assertThrows(PatchbayException.class, () -> ParticipantCreation.read(ACCOUNT, "room",
                form("To=%2B15557002000&From=%2B15550001111&Beep=sometimes"))).code());
        assertEquals(21200, assertThrows(PatchbayException.class, () -> ParticipantCreation.read(ACCOUNT, "room",
                form("To=%2B15557002000&From=%2B15550001111&ConferenceStatusCallbackEvent=speaker"))).code());
    }
}
