package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.events.CallEvent;
import org.patchbay.core.events.InstructionFetched;
import org.patchbay.core.instructions.CallCookies;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.Instructions;
import org.patchbay.core.instructions.RelativeUrls;
import org.patchbay.core.instructions.VoiceResponses;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.TwimlException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gets a call its next document. Any failure (HTTP, connection, content type, bad TwiML) is logged
 * as a Notification and, when the application has one, the fallback URL is asked instead with
 * {@code ErrorCode} and {@code ErrorUrl}; a failing fallback is logged too and ends the attempt.
 */
final class DocumentFetcher {

    record Fetched(String url, TwimlDocument document) {
    }

    private final CallServices services;
    private final Consumer<CallEvent> activity;
    /** One fetcher per call, so its cookies live as long as the call and no other call sees them. */
    private final CallCookies cookies = new CallCookies();

    DocumentFetcher(CallServices services, Consumer<CallEvent> activity) {
        this.services = services;
        this.activity = activity;
    }

    Future<Fetched> fetch(Account account, CallApp app, CallRecord call, String url, String method, Map<String, String> extra) {
        Map<String, String> params = CallParameters.of(call);
        params.putAll(extra);
        return attempt(account, call, url, method, params).recover(failure -> {
            ApplicationFailure first = asApplicationFailure(failure, url, method, params);
            report(account, call, first);
            if (!app.hasFallback()) {
                return Future.failedFuture(first);
            }
            Map<String, String> fallbackParams = new LinkedHashMap<>(params);
            fallbackParams.put("ErrorCode", Integer.toString(first.code().code()));
            fallbackParams.put("ErrorUrl", url == null ? "" : url);
            return attempt(account, call, app.fallbackUrl(), app.fallbackMethod(), fallbackParams).recover(second -> {
                ApplicationFailure again = asApplicationFailure(second, app.fallbackUrl(), app.fallbackMethod(), fallbackParams);
                report(account, call, again);
                return Future.failedFuture(again);
            });
        });
    }

    private Future<Fetched> attempt(Account account, CallRecord call, String url, String method, Map<String, String> params) {
        if (url == null || !RelativeUrls.isHttpUrl(url)) {
            return Future.failedFuture(new ApplicationFailure(ErrorCode.INVALID_URL,
                    "the application URL '" + url + "' is not an absolute http(s) URL",
                    new Notifications.Request(url, method, params, null, null)));
        }
        long started = System.nanoTime();
        return services.instructions().fetch(new InstructionRequest(url, method, params, account.authToken(), cookies))
                .compose(instructions -> parse(instructions, method, params))
                .onComplete(done -> activity.accept(fetched(call, url, method, params, started,
                        done.succeeded() ? null : asApplicationFailure(done.cause(), url, method, params))));
    }

    private static InstructionFetched fetched(CallRecord call, String url, String method, Map<String, String> params,
                                              long startedNanos, ApplicationFailure failure) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (failure == null) {
            return new InstructionFetched(call, Instant.now(), url, method, params, 200, null, null, millis);
        }
        return new InstructionFetched(call, Instant.now(), url, method, params, failure.request().status(),
                failure.code().code(), String.valueOf(failure.getMessage()), millis);
    }

    private Future<Fetched> parse(Instructions instructions, String method, Map<String, String> params) {
        try {
            return Future.succeededFuture(new Fetched(instructions.url(), services.parser().parse(VoiceResponses.twiml(instructions))));
        } catch (TwimlException e) {
            return Future.failedFuture(new ApplicationFailure(e.errorCode(), e.getMessage(),
                    new Notifications.Request(instructions.url(), method, params, instructions.status(), instructions.body())));
        }
    }

    private static ApplicationFailure asApplicationFailure(Throwable failure, String url, String method, Map<String, String> params) {
        if (failure instanceof ApplicationFailure known) {
            return known;
        }
        if (failure instanceof InstructionFetchException fetch) {
            return new ApplicationFailure(fetch.errorCode(), fetch.getMessage(),
                    new Notifications.Request(url, method, params, fetch.responseStatus(), fetch.responseBody()));
        }
        return new ApplicationFailure(ErrorCode.HTTP_RETRIEVAL_FAILURE, String.valueOf(failure.getMessage()),
                new Notifications.Request(url, method, params, null, null));
    }

    private void report(Account account, CallRecord call, ApplicationFailure failure) {
        services.notifications().error(account.sid(), call.sid(), failure.code(), failure.getMessage(), failure.request());
    }
}
