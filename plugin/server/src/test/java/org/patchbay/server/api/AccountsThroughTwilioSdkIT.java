package org.patchbay.server.api;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Key;
import com.twilio.rest.api.v2010.account.NewKey;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.patchbay.core.sid.Sids;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsThroughTwilioSdkIT extends SdkTestBase {

    @Test
    void createsASubaccountAndUsesItsCredentials() {
        Account created = Account.creator().setFriendlyName("Tenant 42").create(client);
        assertTrue(Sids.isSid(Sids.ACCOUNT, created.getSid()));
        assertEquals(server.main.sid(), created.getOwnerAccountSid());
        assertEquals(Account.Status.ACTIVE, created.getStatus());
        assertEquals("Tenant 42", created.getFriendlyName());

        TwilioRestClient tenant = clientFor(created.getSid(), created.getAuthToken());
        Call call = Call.creator(new PhoneNumber("+15550007777"), new PhoneNumber("+15550002222"),
                URI.create("https://tenant.example.com/voice")).create(tenant);
        assertEquals(created.getSid(), call.getAccountSid());

        List<String> seenByTenant = new ArrayList<>();
        Account.reader().read(tenant).forEach(a -> seenByTenant.add(a.getSid()));
        assertEquals(List.of(created.getSid()), seenByTenant, "a subaccount sees only itself");

        List<String> seenByMain = new ArrayList<>();
        Account.reader().read(client).forEach(a -> seenByMain.add(a.getSid()));
        assertTrue(seenByMain.containsAll(List.of(server.main.sid(), server.sub.sid(), created.getSid())));

        ApiException noParent = assertThrows(ApiException.class, () -> Account.fetcher(server.main.sid()).fetch(tenant));
        assertEquals(20404, noParent.getCode());
    }

    @Test
    void suspendsAndClosesASubaccount() {
        Account created = Account.creator().create(client);
        assertTrue(created.getFriendlyName().startsWith("SubAccount Created at "));
        TwilioRestClient tenant = clientFor(created.getSid(), created.getAuthToken());

        Account renamed = Account.updater(created.getSid()).setFriendlyName("Renamed").update(tenant);
        assertEquals("Renamed", renamed.getFriendlyName());
        assertEquals(20403, assertThrows(ApiException.class, () ->
                Account.updater(created.getSid()).setStatus(Account.Status.CLOSED).update(tenant)).getCode());

        assertEquals(Account.Status.SUSPENDED,
                Account.updater(created.getSid()).setStatus(Account.Status.SUSPENDED).update(client).getStatus());
        ApiException suspended = assertThrows(ApiException.class, () -> Account.fetcher(created.getSid()).fetch(tenant));
        assertEquals(20005, suspended.getCode());
        assertEquals(401, suspended.getStatusCode());

        List<Account> suspendedOnes = new ArrayList<>();
        Account.reader().setStatus(Account.Status.SUSPENDED).read(client).forEach(suspendedOnes::add);
        assertEquals(List.of(created.getSid()), suspendedOnes.stream().map(Account::getSid).toList());

        Account.updater(created.getSid()).setStatus(Account.Status.CLOSED).update(client);
        ApiException reopen = assertThrows(ApiException.class, () ->
                Account.updater(created.getSid()).setStatus(Account.Status.ACTIVE).update(client));
        assertEquals(400, reopen.getStatusCode());
        assertEquals(20403, assertThrows(ApiException.class, () ->
                Account.updater(server.main.sid()).setStatus(Account.Status.SUSPENDED).update(client)).getCode());
    }

    @Test
    void createsAKeyAndAuthenticatesWithIt() {
        NewKey key = NewKey.creator(server.sub.sid()).setFriendlyName("Deploy").create(client);
        assertTrue(Sids.isSid(Sids.API_KEY, key.getSid()));
        assertFalse(key.getSecret().isEmpty());

        TwilioRestClient withKey = new TwilioRestClient.Builder(key.getSid(), key.getSecret())
                .accountSid(server.sub.sid()).httpClient(http).build();
        Call call = Call.creator(new PhoneNumber("+15550008888"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(withKey);
        assertEquals(server.sub.sid(), call.getAccountSid());

        ApiException keysCannotManageKeys = assertThrows(ApiException.class, () -> Key.reader(server.sub.sid()).read(withKey)
                .iterator().hasNext());
        assertEquals(20403, keysCannotManageKeys.getCode());

        Key fetched = Key.fetcher(server.sub.sid(), key.getSid()).fetch(client);
        assertEquals("Deploy", fetched.getFriendlyName());
        assertEquals("Deploy 2", Key.updater(server.sub.sid(), key.getSid()).setFriendlyName("Deploy 2").update(client)
                .getFriendlyName());
        List<String> keys = new ArrayList<>();
        Key.reader(server.sub.sid()).read(client).forEach(k -> keys.add(k.getSid()));
        assertEquals(List.of(key.getSid()), keys);

        assertTrue(Key.deleter(server.sub.sid(), key.getSid()).delete(client));
        ApiException revoked = assertThrows(ApiException.class, () -> Call.fetcher(call.getSid()).fetch(withKey));
        assertEquals(20003, revoked.getCode());
        assertEquals(401, revoked.getStatusCode());
    }

    @Test
    void aMainAccountKeyActsOnSubaccountsButASubaccountKeyDoesNotReachItsSibling() {
        NewKey mainKey = NewKey.creator().create(client);
        TwilioRestClient withMainKey = new TwilioRestClient.Builder(mainKey.getSid(), mainKey.getSecret())
                .accountSid(server.main.sid()).httpClient(http).build();
        Call call = Call.creator(server.sibling.sid(), new PhoneNumber("+15550009999"), new PhoneNumber("+15550002222"),
                URI.create("https://app.example.com/voice")).create(withMainKey);
        assertEquals(server.sibling.sid(), call.getAccountSid());

        NewKey subKey = NewKey.creator(server.sub.sid()).create(client);
        TwilioRestClient withSubKey = new TwilioRestClient.Builder(subKey.getSid(), subKey.getSecret())
                .accountSid(server.sub.sid()).httpClient(http).build();
        ApiException hidden = assertThrows(ApiException.class, () ->
                Call.fetcher(server.sibling.sid(), call.getSid()).fetch(withSubKey));
        assertEquals(20404, hidden.getCode());
    }
}
