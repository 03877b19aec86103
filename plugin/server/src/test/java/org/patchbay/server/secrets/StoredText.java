package org.patchbay.server.secrets;

import org.patchbay.core.json.Json;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.testkit.RedisServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Everything a store holds, as text, to look for secrets in: every Redis key and value, every memory record, every data file. */
final class StoredText {
    /** Every key and every value of every type (strings, hashes, sets, sorted sets, lists, streams), one per line. */
    private static final String DUMP = """
            local out = {}
            local function add(v) if type(v) == 'table' then for _, x in ipairs(v) do add(x) end else table.insert(out, tostring(v)) end end
            for _, k in ipairs(redis.call('KEYS', '*')) do
              add(k)
              local t = redis.call('TYPE', k)['ok']
              if t == 'string' then add(redis.call('GET', k))
              elseif t == 'hash' then add(redis.call('HGETALL', k))
              elseif t == 'set' then add(redis.call('SMEMBERS', k))
              elseif t == 'zset' then add(redis.call('ZRANGE', k, 0, -1, 'WITHSCORES'))
              elseif t == 'list' then add(redis.call('LRANGE', k, 0, -1))
              elseif t == 'stream' then add(redis.call('XRANGE', k, '-', '+'))
              else add('unreadable type ' .. t .. ' of ' .. k) end
            end
            return out
            """;

    private StoredText() {
    }

    static String of(RedisServer redis) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "--raw", "EVAL", DUMP, "0")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        if (process.waitFor() != 0) {
            throw new IOException("redis-cli failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String of(MemoryStore memory) {
        StringBuilder text = new StringBuilder();
        memory.forEachRecord((kind, record) -> text.append(kind).append(' ').append(Json.write(record)).append('\n'));
        return text.toString();
    }

    /** Every file under the directory, read as text (binary files as Latin-1, byte for byte). */
    static String of(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(file).append('\n').append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }
}
