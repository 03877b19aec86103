package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA-1 (EVALSHA), so the source crosses the wire only when Redis does
 * not know it yet: on first use, and after a restart emptied its script cache (NOSCRIPT).
 */
public final class LuaScript {
    private final String source;
    private final String sha1;

    public LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    public Future<Response> run(RedisCommands redis, List<String> keys, List<String> args) {
        return redis.send(request(Command.EVALSHA, sha1, keys, args))
                .recover(failure -> isNoScript(failure)
                        ? redis.send(request(Command.EVAL, source, keys, args))
                        : Future.failedFuture(failure));
    }

    /**
     * A script kept as {@code .lua} resources beside the code that runs it (so benchmarks can feed it to Redis
     * too); several names are joined in order, so a shared fragment (a local function) is written once.
     */
    public static LuaScript resource(Class<?> owner, String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            try (InputStream in = owner.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("no Lua script " + name + " beside " + owner.getName());
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Lua script " + name, e);
            }
        }
        return new LuaScript(source.toString());
    }

    public String source() {
        return source;
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }
}
