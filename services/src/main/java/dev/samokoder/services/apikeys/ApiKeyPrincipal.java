package dev.samokoder.services.apikeys;

import java.util.Set;

/** Who a request made with an API key acts for, and what it may do: what the API's authentication finds. */
public record ApiKeyPrincipal(String userId, String keyId, Set<ApiScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
