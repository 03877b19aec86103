package org.patchbay.server.api.numbers;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.application.Application;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.applications.VoiceFields;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code /IncomingPhoneNumbers}: the numbers (DIDs or extensions) the dialplan sends into Patchbay and
 * the application answering each. A number belongs to one account across the whole PBX; Patchbay
 * does not buy numbers, so {@code PhoneNumber} is required and {@code AreaCode} is refused.
 */
public final class IncomingPhoneNumberRoutes {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");

    private final Store store;
    private final ResourceStore<PhoneNumber> numbers;

    public IncomingPhoneNumberRoutes(Store store) {
        this.store = store;
        this.numbers = store.of(PhoneNumber.KIND);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/IncomingPhoneNumbers.json", this::create),
                Endpoint.account(HttpMethod.GET, "/IncomingPhoneNumbers.json", this::list),
                Endpoint.account(HttpMethod.GET, "/IncomingPhoneNumbers/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/IncomingPhoneNumbers/{Sid}.json", this::update),
                Endpoint.account(HttpMethod.DELETE, "/IncomingPhoneNumbers/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String phoneNumber = params.get("PhoneNumber");
        if (phoneNumber == null || phoneNumber.isBlank()) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_PHONE_NUMBER, params.has("AreaCode")
                    ? "Patchbay does not buy numbers by AreaCode: give the PhoneNumber the dialplan routes here"
                    : "Required parameter PhoneNumber is missing");
        }
        if (!NUMBER.matcher(phoneNumber).matches()) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_PHONE_NUMBER,
                    "PhoneNumber is invalid: '" + Params.shorten(phoneNumber) + "' (digits, an optional leading + and * or #)");
        }
        Instant now = Instant.now();
        PhoneNumber blank = new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), request.accountSid(), phoneNumber, phoneNumber,
                null, "POST", null, "POST", null, "POST", null, now, now);
        return numbers.findBy(PhoneNumber.BY_NUMBER, phoneNumber).compose(taken -> {
            if (taken != null) {
                return Future.failedFuture(PatchbayException.badRequest(ErrorCode.PHONE_NUMBER_NOT_AVAILABLE,
                        "PhoneNumber " + phoneNumber + " is already in use on this Patchbay"));
            }
            return apply(blank, request, now);
        }).compose(created -> numbers.putIfUnique(created).compose(written -> written
                ? Future.succeededFuture(Reply.created(IncomingPhoneNumberJson.of(created)))
                : Future.failedFuture(PatchbayException.badRequest(ErrorCode.PHONE_NUMBER_NOT_AVAILABLE,
                        "PhoneNumber " + phoneNumber + " is already in use on this Patchbay"))));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String name = params.friendlyName();
        Predicate<String> number = numberFilter(params.text("PhoneNumber", 64));
        return numbers.list(request.accountSid(),
                        n -> (name == null || name.equals(n.friendlyName())) && number.test(n.phoneNumber()),
                        paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("incoming_phone_numbers",
                        page.items().stream().map(IncomingPhoneNumberJson::of).toList(), page, request.path(), params,
                        List.of("FriendlyName", "PhoneNumber"))));
    }

    /** As on Twilio, the filter matches any part of the number and {@code *} stands for any digit. */
    private static Predicate<String> numberFilter(String wanted) {
        if (wanted == null) {
            return n -> true;
        }
        StringBuilder regex = new StringBuilder();
        wanted.chars().forEach(c -> regex.append(c == '*' ? "[0-9]" : Pattern.quote(String.valueOf((char) c))));
        Pattern pattern = Pattern.compile(regex.toString());
        return n -> n != null && pattern.matcher(n).find();
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(n -> Reply.ok(IncomingPhoneNumberJson.of(n)));
    }

    private Future<Reply> update(ApiRequest request) {
        return owned(request)
                .compose(n -> apply(n, request, Instant.now()))
                .compose(updated -> numbers.put(updated).map(v -> Reply.ok(IncomingPhoneNumberJson.of(updated))));
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(n -> numbers.delete(n.sid())).map(v -> Reply.noContent());
    }

    /** The number with the request's FriendlyName, voice settings and VoiceApplicationSid applied. */
    private Future<PhoneNumber> apply(PhoneNumber n, ApiRequest request, Instant now) {
        Params params = request.params();
        VoiceFields voice = new VoiceFields(n.voiceUrl(), n.voiceMethod(), n.voiceFallbackUrl(), n.voiceFallbackMethod(),
                n.statusCallback(), n.statusCallbackMethod()).updatedBy(params);
        String name = params.friendlyName();
        return applicationSid(request, n.voiceApplicationSid()).map(appSid -> new PhoneNumber(n.sid(), n.accountSid(),
                n.phoneNumber(), name == null ? n.friendlyName() : name, voice.voiceUrl(), voice.voiceMethod(),
                voice.voiceFallbackUrl(), voice.voiceFallbackMethod(), voice.statusCallback(), voice.statusCallbackMethod(),
                appSid, n.dateCreated(), now));
    }

    /** The VoiceApplicationSid to keep: unchanged when absent, removed when empty, else one of the account's. */
    private Future<String> applicationSid(ApiRequest request, String current) {
        String wanted = request.params().get("VoiceApplicationSid");
        if (wanted == null) {
            return Future.succeededFuture(current);
        }
        if (wanted.isEmpty()) {
            return Future.succeededFuture(null);
        }
        PatchbayException inaccessible = PatchbayException.badRequest(ErrorCode.APPLICATION_SID_NOT_ACCESSIBLE,
                "VoiceApplicationSid is not an Application of this account: " + Params.shorten(wanted));
        if (!Sids.isSid(Sids.APPLICATION, wanted)) {
            return Future.failedFuture(inaccessible);
        }
        return store.of(Application.KIND).get(request.accountSid(), wanted)
                .compose(app -> app == null ? Future.failedFuture(inaccessible) : Future.succeededFuture(wanted));
    }

    private Future<PhoneNumber> owned(ApiRequest request) {
        return Records.owned(store, PhoneNumber.KIND, Sids.PHONE_NUMBER, request.accountSid(), request.pathParam("Sid"),
                request.path());
    }
}
