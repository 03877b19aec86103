package org.patchbay.adapters.http.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.patchbay.adapters.http.AccountDenials;
import org.patchbay.adapters.http.GuardedHttpClient;
import org.patchbay.adapters.http.OutboundPolicy;
import org.patchbay.core.webhook.TwilioSignature;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.events.delivery.SinkTransport;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.WebhookConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Delivers to a webhook sink as Twilio's Event Streams does: a POST whose JSON body is an array of
 * structured CloudEvents (one event, or a batch), signed as Twilio signs JSON webhooks: the body's SHA-256
 * travels in the URL as {@code bodySHA256} and {@code X-Twilio-Signature} signs that URL with the account's
 * auth token, so {@code RequestValidator.validate(url, body, signature)} accepts it. Credentials in the
 * destination's user info go as HTTP Basic. Any 2xx answer within the timeout is success.
 */
public final class WebhookTransport implements SinkTransport {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final GuardedHttpClient client;
    private final EventEncoding encoding;
    private final Duration timeout;

    public WebhookTransport(Vertx vertx, EventEncoding encoding, Duration timeout, OutboundPolicy outbound) {
        this(vertx, encoding, timeout, outbound, AccountDenials.NONE);
    }

    /** @param accounts what the sink's account denies on top of {@code outbound} */
    public WebhookTransport(Vertx vertx, EventEncoding encoding, Duration timeout, OutboundPolicy outbound, AccountDenials accounts) {
        this.client = new GuardedHttpClient(vertx, vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeout.toMillis()), new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(10_000)),
                outbound, accounts);
        this.encoding = encoding;
        this.timeout = timeout;
    }

    @Override
    public Future<Void> send(Sink sink, String signingKey, List<RoutedEvent> events) {
        WebhookConfiguration webhook = (WebhookConfiguration) sink.configuration();
        String body = encoding.batch(events);
        String url = signedUrl(webhook.target().toString(), body);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader(TwilioSignature.HEADER, TwilioSignature.sign(signingKey, url))
                .putHeader("I-Twilio-Idempotency-Token", events.get(0).id());
        if (webhook.username() != null) {
            String pair = webhook.username() + ":" + (webhook.password() == null ? "" : webhook.password());
            request.putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return client.forAccount(sink.accountSid())
                .compose(guarded -> guarded.request(request))
                .compose(outgoing -> outgoing.send(body))
                .compose(response -> response.body().compose(ignored -> response.statusCode() / 100 == 2
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("HTTP " + response.statusCode() + " from " + webhook.target())));
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }

    /** The destination with {@code bodySHA256} added to its query, as Twilio's validators expect. */
    static String signedUrl(String target, String body) {
        return target + (target.contains("?") ? "&" : "?") + "bodySHA256=" + sha256Hex(body);
    }

    private static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
