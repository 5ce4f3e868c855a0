package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

// Covers HubRequests.parse: a good request, and each bad parameter named with what is wrong.
class HubRequestsTest {

    private static final String TOPIC = "https://news.example/feed/";
    private static final String CALLBACK = "https://reader.example/push?feed=7";

    @Test
    void aFullRequestIsRead() throws BadHubRequestException {
        HubRequest request = HubRequests.parse(form("hub.mode", "subscribe", "hub.topic", TOPIC, "hub.callback", CALLBACK,
                "hub.lease_seconds", "86400", "hub.secret", "سر"));
        assertEquals(new HubRequest(HubRequest.Mode.SUBSCRIBE, TOPIC, CALLBACK, OptionalLong.of(86_400), Optional.of("سر")), request);
    }

    @Test
    void leaseAndSecretAreOptionalAndBlankCountsAsAbsent() throws BadHubRequestException {
        HubRequest request = HubRequests.parse(form("hub.mode", "unsubscribe", "hub.topic", TOPIC, "hub.callback", CALLBACK,
                "hub.lease_seconds", "", "hub.secret", " "));
        assertEquals(new HubRequest(HubRequest.Mode.UNSUBSCRIBE, TOPIC, CALLBACK, OptionalLong.empty(), Optional.empty()), request);
    }

    @Test
    void anIriCallbackBecomesAnAsciiUri() throws BadHubRequestException {
        assertEquals("https://xn--mgbh0fb.example/%D8%AE%D9%84%D8%A7%D8%B5%D8%A9",
                HubRequests.parse(form("hub.mode", "subscribe", "hub.topic", TOPIC, "hub.callback", "https://مثال.example/خلاصة")).callback());
    }

    @Test
    void aHugeLeaseIsKeptForClampingNotRefused() throws BadHubRequestException {
        assertEquals(OptionalLong.of(Long.MAX_VALUE), HubRequests.parse(form("hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", CALLBACK, "hub.lease_seconds", "99999999999999999999999")).leaseSeconds());
    }

    @Test
    void missingParametersAreNamed() {
        assertBad("hub.mode", "is required", "hub.topic", TOPIC, "hub.callback", CALLBACK);
        assertBad("hub.topic", "is required", "hub.mode", "subscribe", "hub.callback", CALLBACK);
        assertBad("hub.callback", "is required", "hub.mode", "subscribe", "hub.topic", TOPIC);
    }

    @Test
    void anUnknownModeIsRefused() {
        assertBad("hub.mode", "must be subscribe or unsubscribe (got 'publish')", "hub.mode", "publish", "hub.topic", TOPIC,
                "hub.callback", CALLBACK);
        assertBad("hub.mode", "must be subscribe or unsubscribe (got 'Subscribe')", "hub.mode", "Subscribe", "hub.topic", TOPIC,
                "hub.callback", CALLBACK);
    }

    @Test
    void callbacksMustBeAbsoluteHttpUrlsOfAtMost2048Characters() {
        assertBad("hub.callback", "must be an absolute http or https URL", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", "mailto:editor@news.example");
        assertBad("hub.callback", "must be an absolute http or https URL", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", "//reader.example/push");
        assertBad("hub.callback", "must be at most 2048 characters", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", "https://reader.example/" + "a".repeat(2030));
        assertBad("hub.callback", "must not carry a user name or password", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", "https://me:secret@reader.example/push");
        assertBad("hub.callback", "must not have a fragment", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", "https://reader.example/push#here");
    }

    @Test
    void leasesMustBePositiveWholeNumbers() {
        for (String lease : List.of("0", "000", "-1", "1.5", "1e6", "ten", "١٠", " 12 3")) {
            BadHubRequestException e = assertThrows(BadHubRequestException.class, () -> HubRequests.parse(form("hub.mode",
                    "subscribe", "hub.topic", TOPIC, "hub.callback", CALLBACK, "hub.lease_seconds", lease)), lease);
            assertEquals("hub.lease_seconds", e.parameter());
        }
    }

    @Test
    void secretsMustBeUnder200Bytes() throws BadHubRequestException {
        assertEquals(Optional.of("s".repeat(199)), HubRequests.parse(form("hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", CALLBACK, "hub.secret", "s".repeat(199))).secret());
        assertBad("hub.secret", "must be less than 200 bytes (got 200)", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", CALLBACK, "hub.secret", "s".repeat(200));
        assertBad("hub.secret", "must be less than 200 bytes (got 200)", "hub.mode", "subscribe", "hub.topic", TOPIC,
                "hub.callback", CALLBACK, "hub.secret", "سر".repeat(50));
    }

    @Test
    void aParameterGivenTwiceIsAmbiguous() {
        Map<String, List<String>> form = form("hub.topic", TOPIC, "hub.callback", CALLBACK);
        form.put("hub.mode", List.of("subscribe", "unsubscribe"));
        BadHubRequestException e = assertThrows(BadHubRequestException.class, () -> HubRequests.parse(form));
        assertEquals("hub.mode is given 2 times; give it once", e.getMessage());
    }

    private static void assertBad(String parameter, String problem, String... pairs) {
        BadHubRequestException e = assertThrows(BadHubRequestException.class, () -> HubRequests.parse(form(pairs)));
        assertEquals(parameter, e.parameter());
        assertEquals(problem, e.problem());
    }

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }
}
