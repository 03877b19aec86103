package org.patchbay.adapters.redis.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.events.delivery.SinkTransport;
import org.patchbay.core.events.sink.RedisStreamConfiguration;
import org.patchbay.core.events.sink.Sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers to a {@code redis-stream} sink: each event becomes one entry of the sink's stream on Patchbay's Redis
 * (fields {@code id}, {@code type}, {@code subject} and {@code cloudevent}, the structured CloudEvent), trimmed to
 * about {@code max_length} entries when the sink sets one.
 */
public final class RedisStreamTransport implements SinkTransport {
    private final RedisCommands redis;
    private final EventEncoding encoding;

    public RedisStreamTransport(Vertx vertx, String connectionString, EventEncoding encoding) {
        this.redis = new RedisCommands(Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)),
                Duration.ofSeconds(5));
        this.encoding = encoding;
    }

    @Override
    public Future<Void> send(Sink sink, String signingKey, List<RoutedEvent> events) {
        RedisStreamConfiguration stream = (RedisStreamConfiguration) sink.configuration();
        Future<Void> chain = Future.succeededFuture();
        List<Request> adds = new ArrayList<>();
        for (RoutedEvent event : events) {
            Request add = Request.cmd(Command.XADD).arg(stream.streamKey());
            if (stream.maxLength() != null) {
                add.arg("MAXLEN").arg("~").arg(stream.maxLength());
            }
            add.arg("*").arg("id").arg(event.id()).arg("type").arg(event.type().name())
                    .arg("subject").arg(event.subject() == null ? "" : event.subject())
                    .arg("cloudevent").arg(encoding.structured(event));
            adds.add(add);
        }
        for (Request add : adds) {
            chain = chain.compose(v -> redis.send(add).mapEmpty());
        }
        return chain;
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }
}
