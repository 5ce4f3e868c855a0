package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login of the publisher's pages: after the token is typed once into the login form, a
 * cookie carries when the session ends and an HMAC of that, keyed with a key derived from the
 * token, so the server keeps no sessions and a new token ends every session. The cookie is
 * HttpOnly and SameSite=Strict (a page of another site cannot use it), and Secure when the site
 * is served over HTTPS.
 */
final class AdminSession {

    static final String COOKIE = "minbar_admin";
    static final Duration LASTS = Duration.ofHours(12);
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean secure;
    private final Clock clock;

    AdminSession(String token, boolean secure, Clock clock) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("minbar admin session\0" + token).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        this.secure = secure;
        this.clock = clock;
    }

    /** Whether the request carries a session cookie that this server made and that has not run out. */
    boolean isValid(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(COOKIE);
        if (cookie == null || cookie.getValue() == null) {
            return false;
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot <= 0 || dot > 20) {
            return false;
        }
        long ends;
        try {
            ends = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(ends), given) && clock.instant().getEpochSecond() < ends;
    }

    /** The Set-Cookie header value that opens a session. */
    String open() {
        long ends = clock.instant().plus(LASTS).getEpochSecond();
        return COOKIE + "=" + ends + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(ends))
                + "; Path=/; Max-Age=" + LASTS.toSeconds() + attributes();
    }

    /** The Set-Cookie header value that ends the session. */
    String close() {
        return COOKIE + "=; Path=/; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private byte[] sign(long ends) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(Long.toString(ends).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
