package org.patchbay.server.http;

import io.vertx.core.net.SocketAddress;
import org.patchbay.adapters.http.AddressRange;
import org.patchbay.core.media.MediaGrants;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may fetch from the media routes, which take no credentials (Asterisk sends none): clients
 * whose address is in {@link Setting#MEDIA_ALLOW} (any, when unset: Asterisk's address is not
 * known in advance), and only media a call on this node handed to the PBX within
 * {@link Setting#MEDIA_WINDOW}. A bad block or window stops start-up.
 */
public final class MediaAccess {
    private final List<AddressRange> clients;
    private final MediaGrants grants;

    MediaAccess(List<AddressRange> clients, MediaGrants grants) {
        this.clients = List.copyOf(clients);
        this.grants = grants;
    }

    public static MediaAccess from(SettingValues settings) {
        Duration window = settings.duration(Setting.MEDIA_WINDOW);
        if (window.isZero()) {
            throw SettingValues.bad(Setting.MEDIA_WINDOW, settings.get(Setting.MEDIA_WINDOW), "a positive duration such as 10m or 1h");
        }
        return new MediaAccess(clientRanges(settings), new MediaGrants(window));
    }

    /** Told of every media path handed to the PBX. */
    public MediaGrants grants() {
        return grants;
    }

    /** False for a client outside the allow list, or one whose address cannot be judged. */
    boolean admitsClient(SocketAddress remote) {
        if (clients.isEmpty()) {
            return true;
        }
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty()) {
            return false;
        }
        InetAddress address;
        try {
            // A socket's peer is always a literal address: no name lookup happens here.
            address = InetAddress.getByName(host);
        } catch (UnknownHostException notLiteral) {
            return false;
        }
        return clients.stream().anyMatch(range -> range.contains(address));
    }

    /** True while a call's grant of this path (e.g. {@code /media/tts/<id>.wav}) runs. */
    boolean admitsPath(String path) {
        return grants.allows(path);
    }

    private static List<AddressRange> clientRanges(SettingValues settings) {
        String blocks = settings.get(Setting.MEDIA_ALLOW);
        List<AddressRange> ranges = new ArrayList<>();
        if (blocks == null) {
            return ranges;
        }
        try {
            for (String block : blocks.split(",")) {
                if (!block.isBlank()) {
                    ranges.add(AddressRange.parse(block));
                }
            }
        } catch (IllegalArgumentException bad) {
            throw SettingValues.bad(Setting.MEDIA_ALLOW, blocks, "comma-separated CIDR blocks such as 10.0.0.5/32,fd00::/8 (" + bad.getMessage() + ")");
        }
        return ranges;
    }
}
