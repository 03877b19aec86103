package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.ARI;
import ch.loway.oss.ari4java.AriVersion;
import ch.loway.oss.ari4java.generated.models.AsteriskInfo;
import ch.loway.oss.ari4java.generated.models.ApplicationReplaced;
import ch.loway.oss.ari4java.generated.models.Message;
import ch.loway.oss.ari4java.tools.ARIException;
import ch.loway.oss.ari4java.tools.AriConnectionEvent;
import ch.loway.oss.ari4java.tools.AriWSCallback;
import ch.loway.oss.ari4java.tools.RestException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyStatus;
import org.patchbay.core.telephony.TelephonyStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Patchbay connected to one Asterisk: detects the ARI version, opens the events WebSocket
 * for the Stasis app, and when Asterisk goes away reconnects with capped exponential backoff.
 * All of its state lives on the context it was started on.
 */
public final class AriConnection {
    private static final Logger LOG = LoggerFactory.getLogger(AriConnection.class);
    private static final int APP_CONFIRMATIONS = 10;
    private static final long APP_CONFIRMATION_PAUSE_MS = 50;

    private final Vertx vertx;
    private final AriSettings settings;
    private final VertxAriTransport transport;
    private final Backoff backoff;
    private Context context;
    private volatile ARI ari;
    private volatile TelephonyStatus status = new TelephonyStatus(State.CONNECTING, null, null, "starting");
    private Handler<TelephonyEvent> eventHandler = event -> { };
    private Handler<Void> connectedHandler = v -> { };
    private long outageStartedAt;
    private long attempt;
    private boolean stopped;

    public AriConnection(Vertx vertx, AriSettings settings) {
        AriLenientDecoding.apply();
        this.vertx = vertx;
        this.settings = settings;
        this.transport = new VertxAriTransport(vertx, settings);
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    }

    Vertx vertx() {
        return vertx;
    }

    AriSettings settings() {
        return settings;
    }

    /** Starts connecting in the background; Patchbay runs (and reports {@code connecting}) until Asterisk answers. */
    public void start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            outageStartedAt = System.currentTimeMillis();
            connect();
        });
    }

    public Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        Runnable close = () -> {
            stopped = true;
            ari = null;
            transport.destroy();
            status = new TelephonyStatus(State.DOWN, status.asteriskVersion(), status.ariVersion(), "stopped");
            done.complete();
        };
        if (context == null) {
            close.run();
        } else {
            context.runOnContext(v -> close.run());
        }
        return done.future();
    }

    public TelephonyStatus status() {
        return status;
    }

    /** The ari4java facade while connected, else null. */
    ARI ari() {
        return ari;
    }

    public void onEvent(Handler<TelephonyEvent> handler) {
        this.eventHandler = handler;
    }

    /** Tells {@code observer} of every REST request made to Asterisk. */
    public void observeRequests(AriRequestObserver observer) {
        transport.observe(observer);
    }

    /** Called on every (re)connection: the router checks its live calls against what Asterisk still has. */
    public void onConnected(Handler<Void> handler) {
        this.connectedHandler = handler;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        long thisAttempt = ++attempt;
        detectVersion()
                .compose(version -> {
                    ARI fresh = newAri(version);
                    return asteriskVersion(fresh).compose(asterisk -> openEvents(fresh, thisAttempt)
                            .compose(v -> confirmRegistered(APP_CONFIRMATIONS))
                            .compose(v -> PresenceApp.filter(transport, settings.presenceApp()))
                            .compose(v -> PresenceApp.releaseCallAppWatches(transport, settings.app()))
                            .map(v -> {
                                onConnectedNow(fresh, version, asterisk);
                                return v;
                            }));
                })
                .onFailure(failure -> {
                    // An events socket left open would be a second consumer of the app: closing it
                    // reports the loss, and onLost retries.
                    if (!transport.closeEvents()) {
                        retryLater(failure.getMessage());
                    }
                });
    }

    private Future<AriVersion> detectVersion() {
        return transport.get("/api-docs/resources.json").map(body -> {
            String apiVersion = new JsonObject(body).getString("apiVersion");
            try {
                return AriVersion.fromVersionString(apiVersion);
            } catch (ARIException unknown) {
                AriVersion newest = AriVersions.newestKnown();
                LOG.warn("ARI version {} is not one ari4java knows; speaking {}", apiVersion, newest.version());
                return newest;
            }
        }).recover(failure -> Future.failedFuture("cannot reach ARI at " + settings.url() + ": " + describe(failure)));
    }

    private ARI newAri(AriVersion version) {
        ARI fresh = new ARI();
        fresh.setAppName(settings.app());
        fresh.setHttpClient(transport);
        fresh.setWsClient(transport);
        fresh.setVersion(version);
        return fresh;
    }

    private Future<String> asteriskVersion(ARI fresh) {
        Promise<AsteriskInfo> info = Promise.promise();
        try {
            fresh.asterisk().getInfo().execute(AriCallbacks.completing(info));
        } catch (RestException e) {
            info.tryFail(e);
        }
        return info.future().map(i -> i.getSystem() == null ? "unknown" : i.getSystem().getVersion());
    }

    private Future<Void> openEvents(ARI fresh, long thisAttempt) {
        Promise<Void> opened = Promise.promise();
        try {
            String apps = settings.app() + "," + settings.presenceApp();
            fresh.events().eventWebsocket(apps).setSubscribeAll(false).execute(new AriWSCallback<Message>() {
                @Override
                public void onSuccess(Message message) {
                    if (message instanceof ApplicationReplaced) {
                        replaced();
                    } else if (!PresenceApp.unwanted(message, settings.presenceApp())) {
                        AriEventMapper.map(message).ifPresent(eventHandler::handle);
                    }
                }

                @Override
                public void onFailure(RestException e) {
                    if (!opened.tryFail(e)) {
                        LOG.warn("ignoring an ARI event Patchbay cannot decode: {}", e.getMessage());
                    }
                }

                @Override
                public void onConnectionEvent(AriConnectionEvent event) {
                    if (event == AriConnectionEvent.WS_CONNECTED) {
                        opened.tryComplete();
                    } else if (!opened.tryFail("events WebSocket closed during set-up") && thisAttempt == attempt) {
                        onLost();
                    }
                }
            });
        } catch (RestException e) {
            opened.tryFail(e);
        }
        return opened.future();
    }

    /**
     * Asks Asterisk whether it now routes {@code Stasis(app)} to this link. Asterisk 22 registers the app
     * before it answers the WebSocket upgrade, but "connected" (in the log and in /health) is a promise
     * that calls will reach Patchbay, so it is checked rather than assumed: a few tries, then a retry of
     * the whole connection.
     */
    private Future<Void> confirmRegistered(int triesLeft) {
        String app = VertxAriTransport.encode(settings.app());
        return transport.get("/applications/" + app).<Void>mapEmpty().recover(failure -> {
            if (triesLeft <= 1 || stopped) {
                return Future.failedFuture("Asterisk does not list the Stasis app '" + settings.app() + "' after the events"
                        + " WebSocket opened: " + describe(failure));
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(APP_CONFIRMATION_PAUSE_MS, id -> confirmRegistered(triesLeft - 1).onComplete(later));
            return later.future();
        });
    }

    private void onConnectedNow(ARI fresh, AriVersion version, String asteriskVersion) {
        ari = fresh;
        backoff.reset();
        status = new TelephonyStatus(State.CONNECTED, asteriskVersion, version.version(), "app " + settings.app());
        LOG.info("connected to Asterisk {} (ARI {}) at {}; Stasis app '{}' registered", asteriskVersion, version.version(), settings.url(), settings.app());
        connectedHandler.handle(null);
    }

    /**
     * Another client opened an events socket for this app (a second Patchbay with the same PATCHBAY_ARI_APP, or an
     * old instance during a deploy). Taking the app back would take it from that client in turn, so this link
     * stays as it is, says so in /health, and does not reconnect; restart Patchbay once the other client is gone.
     */
    private void replaced() {
        status = new TelephonyStatus(State.REPLACED, status.asteriskVersion(), status.ariVersion(),
                "another ARI client connected as Stasis app '" + settings.app() + "'; Asterisk sends its calls there");
        LOG.error("another ARI client connected to {} as Stasis app '{}': Asterisk now sends new calls there, not to this"
                + " Patchbay. Give each Patchbay its own PATCHBAY_ARI_APP (and its Stasis() dialplan), or stop the other"
                + " client and restart this one.", settings.url(), settings.app());
    }

    private void onLost() {
        if (stopped) {
            return;
        }
        if (ari != null) {
            outageStartedAt = System.currentTimeMillis();
        }
        ari = null;
        if (status.state() == State.REPLACED) {
            LOG.warn("the ARI events WebSocket to {} closed after another client took Stasis app '{}'; not reconnecting",
                    settings.url(), settings.app());
            return;
        }
        LOG.warn("lost the ARI events WebSocket to {}; reconnecting", settings.url());
        retryLater("events WebSocket closed");
    }

    private void retryLater(String reason) {
        if (stopped) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        boolean down = System.currentTimeMillis() - outageStartedAt > settings.downAfter().toMillis();
        status = new TelephonyStatus(down ? State.DOWN : State.CONNECTING, status.asteriskVersion(), status.ariVersion(), reason);
        LOG.warn("ARI not connected ({}); next attempt in {} ms", reason, delay);
        vertx.setTimer(delay, id -> connect());
    }

    private static String describe(Throwable failure) {
        if (failure instanceof RestException rest && rest.getCode() == 401) {
            return "Asterisk rejected the ARI user name or password (401)";
        }
        return failure.getMessage();
    }
}
