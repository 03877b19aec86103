package org.patchbay.server;

import io.vertx.core.Future;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.config.NumberConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the YAML file's number mappings into the store as IncomingPhoneNumbers of the main account,
 * keeping each number's SID across restarts, so the REST API and the router see one set of numbers.
 * A number that belongs to another account (a subaccount took it through the API) stays with it.
 */
final class NumberProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(NumberProvisioning.class);

    private NumberProvisioning() {
    }

    static Future<Void> apply(Store store, String accountSid, Map<String, NumberConfig> numbers) {
        ResourceStore<PhoneNumber> all = store.of(PhoneNumber.KIND);
        List<Future<Void>> writes = new ArrayList<>();
        numbers.forEach((number, app) -> writes.add(all.findBy(PhoneNumber.BY_NUMBER, number).compose(existing -> {
            if (existing != null && !existing.accountSid().equals(accountSid)) {
                LOG.warn("Number {} in the configuration belongs to account {}; left with it", number, existing.accountSid());
                return Future.succeededFuture();
            }
            Instant now = Instant.now();
            PhoneNumber record = new PhoneNumber(
                    existing == null ? Sids.next(Sids.PHONE_NUMBER) : existing.sid(),
                    accountSid, number, existing == null ? number : existing.friendlyName(),
                    app.voiceUrl(), app.voiceMethod(), app.voiceFallbackUrl(), app.voiceFallbackMethod(),
                    app.statusCallback(), app.statusCallbackMethod(), null,
                    existing == null ? now : existing.dateCreated(), now);
            return all.putIfUnique(record).compose(written -> {
                if (!written) {
                    LOG.warn("Number {} in the configuration was registered by another account meanwhile; left with it", number);
                }
                return Future.<Void>succeededFuture();
            });
        })));
        return Future.all(writes).mapEmpty();
    }
}
