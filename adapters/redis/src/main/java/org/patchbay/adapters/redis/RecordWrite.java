package org.patchbay.adapters.redis;

import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.retention.Retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The KEYS and ARGV of write.lua for one record of a kind (see that script for their order). */
final class RecordWrite<T extends Resource> {
    private final ResourceKind<T> kind;
    private final KeyLayout keys;
    private final Retention retention;

    RecordWrite(ResourceKind<T> kind, KeyLayout keys, Retention retention) {
        this.kind = kind;
        this.keys = keys;
        this.retention = retention;
    }

    /** Record, refs, account set, lrefs, unique index keys, list-index sets. */
    List<String> keys(T record) {
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.record(record.sid()));
        scriptKeys.add(keys.refs(record.sid()));
        scriptKeys.add(keys.account(record.accountSid()));
        scriptKeys.add(keys.listRefs(record.sid()));
        scriptKeys.addAll(uniqueKeys(record));
        kind.listIndexes().forEach((field, value) -> {
            String v = value.apply(record);
            if (v != null) {
                scriptKeys.add(keys.listIndex(record.accountSid(), field, v));
            }
        });
        return scriptKeys;
    }

    /** SID, body, score, expiry, registry, number of unique keys, lag hash, then each time field's lag. */
    List<String> args(T record) {
        Instant expiresAt = retention.expiresAt(kind.name(), record);
        List<String> args = new ArrayList<>(List.of(record.sid(), Json.write(record), Long.toString(record.dateCreated().toEpochMilli()),
                expiresAt == null ? "0" : Long.toString(expiresAt.toEpochMilli()), keys.sortedSets(),
                Integer.toString(uniqueKeys(record).size()), keys.lags(record.accountSid())));
        kind.timeFields().forEach((field, time) -> {
            Instant t = time.apply(record);
            if (t != null) {
                args.add(field);
                args.add(Long.toString(Math.max(0, t.toEpochMilli() - record.dateCreated().toEpochMilli())));
            }
        });
        return args;
    }

    private List<String> uniqueKeys(T record) {
        List<String> indexKeys = new ArrayList<>(kind.uniqueIndexes().size());
        kind.uniqueIndexes().forEach((name, key) -> {
            String value = key.apply(record);
            if (value != null) {
                indexKeys.add(keys.index(name, value));
            }
        });
        return indexKeys;
    }
}
