package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.media.Ulaw;

/**
 * The format an external media channel carries on its socket. The sim's bridges carry 8 kHz µ-law; a
 * {@code slin16} channel (16 kHz signed linear, little-endian, 640-byte frames as Asterisk 22.10.1 sends them)
 * turns each bridge frame into twice the samples and the app's audio back into µ-law.
 */
enum MediaFormat {
    ULAW("ulaw", 160),
    SLIN16("slin16", 640);

    final String name;
    final int frameBytes;

    MediaFormat(String name, int frameBytes) {
        this.name = name;
        this.frameBytes = frameBytes;
    }

    /** The format of this name, or null when the sim does not carry it. */
    static MediaFormat named(String name) {
        for (MediaFormat format : values()) {
            if (format.name.equals(name)) {
                return format;
            }
        }
        return null;
    }

    /** A bridge frame (µ-law) as the app gets it. */
    byte[] toApp(byte[] ulaw) {
        if (this == ULAW) {
            return ulaw;
        }
        byte[] out = new byte[ulaw.length * 4];
        for (int i = 0; i < ulaw.length; i++) {
            int sample = Ulaw.decode(ulaw[i]);
            for (int copy = 0; copy < 2; copy++) {
                out[4 * i + 2 * copy] = (byte) sample;
                out[4 * i + 2 * copy + 1] = (byte) (sample >> 8);
            }
        }
        return out;
    }

    /** The app's audio in this format as µ-law for the bridge (for slin16, every other sample). */
    byte[] fromApp(byte[] bytes) {
        if (this == ULAW) {
            return bytes;
        }
        byte[] out = new byte[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = Ulaw.encode((short) ((bytes[4 * i] & 0xFF) | (bytes[4 * i + 1] << 8)));
        }
        return out;
    }
}
