package org.patchbay.core.secret;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The one field of a kind of record that holds a secret (as text), and how to put another value in its place. */
public record SecretField<T extends Resource>(ResourceKind<T> kind, Function<T, String> read, BiFunction<T, String, T> write) {

    public static final SecretField<Account> AUTH_TOKEN = new SecretField<>(Account.KIND, Account::authToken,
            (a, token) -> new Account(a.sid(), a.ownerAccountSid(), token, a.friendlyName(), a.status(), a.dateCreated(), a.dateUpdated()));

    /** Kept recoverable, not hashed: access tokens are HS256-signed with the key secret, so verifying one needs it. */
    public static final SecretField<ApiKey> API_KEY_SECRET = new SecretField<>(ApiKey.KIND, ApiKey::secret,
            (k, secret) -> new ApiKey(k.sid(), k.accountSid(), secret, k.friendlyName(), k.dateCreated(), k.dateUpdated()));

    /**
     * A sink's whole configuration, sealed as one JSON text: an AMQP sink's URL carries the broker's credentials,
     * and a webhook's destination may carry some too.
     */
    public static final SecretField<Sink> SINK_CONFIGURATION = new SecretField<>(Sink.KIND, SecretField::configurationText,
            (sink, text) -> new Sink(sink.sid(), sink.accountSid(), sink.description(), sink.sinkType(), configuration(text),
                    sink.status(), sink.testId(), sink.dateCreated(), sink.dateUpdated()));

    public static final List<SecretField<?>> ALL = List.of(AUTH_TOKEN, API_KEY_SECRET, SINK_CONFIGURATION);
    /** The fields of records listed under the account that owns them. */
    static final List<SecretField<?>> OWNED_BY_ACCOUNTS = List.of(API_KEY_SECRET, SINK_CONFIGURATION);

    /** Where a sealed configuration is kept in the stored sink's configuration object. */
    private static final String SEALED = "sealed";

    private static String configurationText(Sink sink) {
        Object sealed = sink.sinkConfiguration().get(SEALED);
        if (sink.sinkConfiguration().size() == 1 && sealed instanceof String text && SecretCipher.isSealed(text)) {
            return text;
        }
        return new JsonObject(new LinkedHashMap<>(sink.sinkConfiguration())).encode();
    }

    private static Map<String, Object> configuration(String text) {
        return SecretCipher.isSealed(text) ? Map.of(SEALED, text) : new JsonObject(text).getMap();
    }

    /** What the ciphertext is bound to: the kind and the SID, so it cannot be moved to another record. */
    String context(T record) {
        return kind.name() + '/' + record.sid();
    }

    T sealed(T record, SecretCipher cipher) {
        String plain = read.apply(record);
        return plain == null ? record : write.apply(record, cipher.seal(plain, context(record)));
    }

    T opened(T record, SecretCipher cipher) {
        String stored = record == null ? null : read.apply(record);
        return stored == null ? record : write.apply(record, cipher.open(stored, context(record)).plain());
    }

    /** Whether the stored record is plain or sealed with a previous key; opening it checks that it can be opened. */
    boolean stale(T stored, SecretCipher cipher) {
        String value = read.apply(stored);
        return value != null && cipher.open(value, context(stored)).stale();
    }
}
