package org.patchbay.server;

import io.vertx.core.Future;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.config.NumberConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the YAML file's number mappings into the store as IncomingPhoneNumbers of the main account,
 * keeping each number's SID across restarts, so the REST API and the router see one set of numbers.
 */
final class NumberProvisioning {

    private NumberProvisioning() {
    }

    static Future<Void> apply(Store store, String accountSid, Map<String, NumberConfig> numbers) {
        ResourceStore<PhoneNumber> all = store.of(PhoneNumber.KIND);
        List<Future<Void>> writes = new ArrayList<>();
        numbers.forEach((number, app) -> writes.add(all.findBy(PhoneNumber.BY_NUMBER, number).compose(existing -> {
            Instant now = Instant.now();
            PhoneNumber record = new PhoneNumber(
                    existing == null ? Sids.next(Sids.PHONE_NUMBER) : existing.sid(),
                    accountSid, number, existing == null ? number : existing.friendlyName(),
                    app.voiceUrl(), app.voiceMethod(), app.voiceFallbackUrl(), app.voiceFallbackMethod(),
                    app.statusCallback(), app.statusCallbackMethod(), null,
                    existing == null ? now : existing.dateCreated(), now);
            return all.put(record);
        })));
        return Future.all(writes).mapEmpty();
    }
}
