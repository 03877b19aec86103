package org.patchbay.server.config;

/**
 * One configuration setting: its environment variable, its place in the YAML file, its default
 * and what it means. The table of these drives loading, validation and the README.
 */
public enum Setting {
    HTTP_HOST("PATCHBAY_HTTP_HOST", "http.host", "127.0.0.1", "address the HTTP API listens on"),
    HTTP_PORT("PATCHBAY_HTTP_PORT", "http.port", "8080", "port of the HTTP API (0 picks a free port)"),
    PUBLIC_URL("PATCHBAY_PUBLIC_URL", "publicUrl", null,
            "base URL Asterisk and others use to reach Patchbay (default http://<host>:<port>)"),
    ARI_URL("PATCHBAY_ARI_URL", "ari.url", null, "Asterisk's HTTP server, e.g. http://127.0.0.1:8088; unset = sandbox"),
    ARI_USER("PATCHBAY_ARI_USER", "ari.user", "patchbay", "ARI user (ari.conf)"),
    ARI_PASSWORD("PATCHBAY_ARI_PASSWORD", "ari.password", null, "ARI password (ari.conf)"),
    ARI_APP("PATCHBAY_ARI_APP", "ari.app", "patchbay", "Stasis application name used in the dialplan"),
    REDIS_URL("PATCHBAY_REDIS_URL", "redis.url", null, "Redis connection string; unset = the embedded store (kept in <dataDir>/store with a real Asterisk, in memory in the sandbox)"),
    REDIS_PREFIX("PATCHBAY_REDIS_PREFIX", "redis.prefix", "pb:", "prefix of every Redis key Patchbay writes"),
    ACCOUNT_SID("PATCHBAY_ACCOUNT_SID", "account.sid", null, "main account SID (AC + 32 hex); generated if unset"),
    AUTH_TOKEN("PATCHBAY_AUTH_TOKEN", "account.authToken", null, "main account auth token; generated if unset"),
    OUTBOUND_DENY("PATCHBAY_OUTBOUND_DENY", "outbound.deny", null,
            "comma-separated CIDR blocks no account URL may resolve to, e.g. 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8"
                    + " (link-local and cloud metadata addresses are always refused)"),
    TTS_CACHE_MAX_AGE("PATCHBAY_TTS_CACHE_MAX_AGE", "tts.cacheMaxAge", "30d",
            "how long a synthesised prompt is kept; older files are deleted (their media ids answer 404) and made again when asked for"),
    MEDIA_KEY("PATCHBAY_MEDIA_KEY", "media.key", null,
            "base64 secret (32 bytes or more) that media ids (speech and converted <Play> media) are keyed with; unset = generated on first start"
                    + " and kept in <dataDir>/keys/media-id.key"),
    SECRETS_KEY("PATCHBAY_SECRETS_KEY", "secrets.key", null,
            "base64 key (32 bytes or more) that auth tokens and API key secrets are encrypted with in the store; unset = generated"
                    + " on first start and kept in <dataDir>/keys/secrets.key (nodes sharing a Redis need the same key)"),
    SECRETS_KEY_PREVIOUS("PATCHBAY_SECRETS_KEY_PREVIOUS", "secrets.previousKeys", null,
            "comma-separated base64 keys used before PATCHBAY_SECRETS_KEY: values they sealed are read and sealed again with"
                    + " the current key at start-up"),
    DATA_DIR("PATCHBAY_DATA_DIR", "dataDir", "./patchbay-data", "where Patchbay keeps its speech cache, generated keys (keys/) and, without Redis beside a real Asterisk, its records (store/)"),
    TTS_BINARY("PATCHBAY_TTS_BINARY", "tts.binary", "espeak-ng", "the espeak-ng program used for <Say>"),
    SOUNDS_DIR("PATCHBAY_SOUNDS_DIR", "tts.soundsDir", null,
            "a directory Asterisk reads at the same path: speech is placed there instead of served over HTTP"),
    MEDIA_ALLOW("PATCHBAY_MEDIA_ALLOW", "media.allow", null,
            "comma-separated CIDR blocks of the clients (Asterisk) the media routes answer; unset = any address"),
    MEDIA_WINDOW("PATCHBAY_MEDIA_WINDOW", "media.window", "1h",
            "how long after a call handed a media URL to Asterisk the media route serves it; other ids answer 404"),
    MEDIA_DECODER("PATCHBAY_MEDIA_DECODER", "media.decoder", "ffmpeg",
            "the ffmpeg program that converts <Play> media (MP3, WAV) for Asterisk; empty = Asterisk fetches <Play> URLs itself"),
    MEDIA_MAX_SIZE("PATCHBAY_MEDIA_MAX_SIZE", "media.maxSize", "16",
            "largest <Play> file Patchbay downloads, in MiB (larger is 11200)"),
    MEDIA_CACHE_SIZE("PATCHBAY_MEDIA_CACHE_SIZE", "media.cacheSize", "512",
            "disk space for converted <Play> media, in MiB; the least recently played go first"),
    ENDPOINT_NUMBER("PATCHBAY_ENDPOINT_NUMBER", "endpoints.number", "PJSIP/{number}",
            "Asterisk endpoint for a dialled phone number"),
    ENDPOINT_SIP("PATCHBAY_ENDPOINT_SIP", "endpoints.sip", "PJSIP/patchbay-sip/{uri}",
            "Asterisk endpoint for a dialled sip: URI ({user}, {host}, {uri}); the default dials the URI's host through the patchbay-sip endpoint"),
    ENDPOINT_CLIENT("PATCHBAY_ENDPOINT_CLIENT", "endpoints.client", "PJSIP/{identity}",
            "Asterisk endpoint for a dialled client:identity"),
    RECORDINGS_PUBLIC("PATCHBAY_RECORDINGS_PUBLIC", "recordings.public", "false",
            "serve recording audio without the account's credentials, as Twilio does by default"),
    EVENT_LOOPS("PATCHBAY_EVENT_LOOPS", "eventLoops", null, "event loops running calls (default: 2 x cores)"),
    METRICS_TOKEN("PATCHBAY_METRICS_TOKEN", "metrics.token", null,
            "when set, /metrics answers only requests with Authorization: Bearer <token>; unset = open"),
    LIMIT_API_CONCURRENCY("PATCHBAY_LIMIT_API_CONCURRENCY", "limits.apiConcurrency", "100",
            "API requests in flight per account (0 = unlimited)"),
    LIMIT_CALLS_CONCURRENT("PATCHBAY_LIMIT_CALLS_CONCURRENT", "limits.concurrentCalls", "0",
            "live calls per account: inbound, outbound and Dial legs (0 = unlimited)"),
    LIMIT_CALLS_CPS("PATCHBAY_LIMIT_CALLS_CPS", "limits.callsPerSecond", "0",
            "API-created calls started per second per account, across nodes (0 = unlimited)"),
    LIMIT_REDIS_DOWN("PATCHBAY_LIMIT_REDIS_DOWN", "limits.redisDown", "open",
            "while Redis is unreachable: open (admit, counting on this node) or closed (refuse)"),
    LIMIT_REDIS_URL("PATCHBAY_LIMIT_REDIS_URL", "limits.redisUrl", null,
            "a Redis of their own for the limits; unset = PATCHBAY_REDIS_URL (unset too = counted in this process)"),
    LIMIT_LEASE("PATCHBAY_LIMIT_LEASE", "limits.lease", "60s",
            "lifetime of a slot not renewed (e.g. 60s, 500ms): slots of a node that died are free after it"),
    LIMIT_QUEUE_TIMEOUT("PATCHBAY_LIMIT_QUEUE_TIMEOUT", "limits.queueTimeout", "5m",
            "how long an API-created call may wait queued for a call slot before it fails"),
    USAGE_METERING("PATCHBAY_USAGE_METERING", "usage.metering", "true",
            "count usage from the platform's events (false: the Usage APIs answer, but nothing is counted or fired)"),
    USAGE_PRICES("PATCHBAY_USAGE_PRICES", "usage.prices", "",
            "price per unit of usage (per minute for calls) by category, e.g. calls-inbound=0.0085,calls-outbound=0.014; unset = free"),
    USAGE_PRICE_UNIT("PATCHBAY_USAGE_PRICE_UNIT", "usage.priceUnit", "usd", "currency of usage prices (price_unit)"),
    USAGE_TIME_ZONE("PATCHBAY_USAGE_TIME_ZONE", "usage.timeZone", "UTC",
            "time zone whose days, months and years usage is counted in (e.g. Europe/Paris)"),
    USAGE_DEDUP_WINDOW("PATCHBAY_USAGE_DEDUP_WINDOW", "usage.dedupWindow", "7d",
            "how long an event id is remembered so that a redelivered event counts once"),
    EVENTS_RETENTION("PATCHBAY_EVENTS_RETENTION", "events.retention", "24h",
            "how long the event log keeps events for sinks that are behind and for replay"),
    EVENTS_MEMORY_CAPACITY("PATCHBAY_EVENTS_MEMORY_CAPACITY", "events.memoryCapacity", "20000",
            "without Redis: the most events the in-memory event log holds (about 1 to 2 KiB of heap each)"),
    EVENTS_PARTITIONS("PATCHBAY_EVENTS_PARTITIONS", "events.partitions", "4",
            "with Redis: streams the event log is split into by subject (each read in order by one node per consumer)"),
    EVENTS_SINK_TIMEOUT("PATCHBAY_EVENTS_SINK_TIMEOUT", "events.sinkTimeout", "5s",
            "how long a sink (webhook, AMQP broker) may take to take an event before the attempt counts as failed"),
    EVENTS_RETRY_FOR("PATCHBAY_EVENTS_RETRY_FOR", "events.retryFor", "4h",
            "how long delivery to a sink is retried before the events are dropped and a Notification is logged"),
    EVENTS_RETRY_FIRST_DELAY("PATCHBAY_EVENTS_RETRY_FIRST_DELAY", "events.retryFirstDelay", "1s",
            "the first wait before a failed delivery is retried (doubled each time, with jitter)"),
    EVENTS_RETRY_MAX_DELAY("PATCHBAY_EVENTS_RETRY_MAX_DELAY", "events.retryMaxDelay", "5m",
            "the longest wait between two attempts to deliver to a sink"),
    EVENTS_SINK_FAILED_AFTER("PATCHBAY_EVENTS_SINK_FAILED_AFTER", "events.sinkFailedAfter", "3",
            "failed deliveries in a row after which a sink's status becomes failed (active again at its next success)"),
    EVENTS_SINK_REFRESH("PATCHBAY_EVENTS_SINK_REFRESH", "events.sinkRefresh", "5s",
            "how often each node rereads the sinks and subscriptions (changes through this node's API apply at once)"),
    PRESENCE_EXPIRY("PATCHBAY_PRESENCE_EXPIRY", "presence.expiry", "30s",
            "how long a registered client stays present after its last heartbeat"),
    PRESENCE_PBX_ENDPOINTS("PATCHBAY_PRESENCE_PBX_ENDPOINTS", "presence.pbxEndpoints", "PJSIP",
            "endpoint technology whose ARI state changes update presence (none = off)"),
    NODE_EXPIRY("PATCHBAY_NODE_EXPIRY", "node.expiry", "15s",
            "with Redis: how long a node's heartbeat lasts (renewed every third of it); once it expires another node settles its calls"),
    DRAIN_TIME("PATCHBAY_DRAIN_TIME", "node.drainTime", "30s",
            "on SIGTERM: how long live calls may go on (no new calls taken) before they are ended with their final callbacks"),
    RETENTION_CALLS("PATCHBAY_RETENTION_CALLS", "retention.calls", "395d",
            "how long call records are kept after their creation (13 months, as Twilio keeps call logs; 0 = for ever)"),
    RETENTION_NOTIFICATIONS("PATCHBAY_RETENTION_NOTIFICATIONS", "retention.notifications", "30d",
            "how long Notifications (errors and warnings) are kept (30 days, as Twilio's debugger; 0 = for ever)"),
    RETENTION_RECORDINGS("PATCHBAY_RETENTION_RECORDINGS", "retention.recordings", "395d",
            "how long recording metadata is kept, as long as the calls by default (the audio stays in Asterisk; 0 = for ever)"),
    RETENTION_SWEEP("PATCHBAY_RETENTION_SWEEP", "retention.sweep", "1h",
            "how often expired records are dropped with their index entries");

    private final String env;
    private final String yamlPath;
    private final String defaultValue;
    private final String description;

    Setting(String env, String yamlPath, String defaultValue, String description) {
        this.env = env;
        this.yamlPath = yamlPath;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String env() {
        return env;
    }

    public String yamlPath() {
        return yamlPath;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    static Setting byYamlPath(String path) {
        for (Setting setting : values()) {
            if (setting.yamlPath.equals(path)) {
                return setting;
            }
        }
        return null;
    }
}
