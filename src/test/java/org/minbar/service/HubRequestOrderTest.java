package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// WebSub requests for one topic and callback take effect in the order they came, whatever order their verifications end in.
class HubRequestOrderTest {

    private static final String PAIR = HubRequestOrder.pair("https://news.example/feed/", "https://reader.example/cb");
    private static final String OTHER = HubRequestOrder.pair("https://news.example/feed/atom/", "https://reader.example/cb");

    @Test
    void anOlderRequestVerifiedAfterANewerOneTookEffectIsDropped() {
        HubRequestOrder order = new HubRequestOrder();
        long first = order.received(PAIR); // subscribe with the first secret
        long second = order.received(PAIR); // subscribe again with a new one
        assertTrue(order.takesEffect(PAIR, second));
        assertFalse(order.takesEffect(PAIR, first), "the first secret must not come back");
    }

    @Test
    void requestsVerifiedInOrderEachTakeEffect() {
        HubRequestOrder order = new HubRequestOrder();
        long subscribe = order.received(PAIR);
        long unsubscribe = order.received(PAIR);
        assertTrue(order.takesEffect(PAIR, subscribe));
        assertTrue(order.takesEffect(PAIR, unsubscribe));
    }

    @Test
    void anOlderRequestTakesEffectWhenTheNewerOneIsNotVerified() {
        HubRequestOrder order = new HubRequestOrder();
        long first = order.received(PAIR);
        order.received(PAIR);
        order.done(PAIR); // the newer one: the callback did not confirm it
        assertTrue(order.takesEffect(PAIR, first));
    }

    @Test
    void otherPairsDoNotHoldEachOtherBack() {
        HubRequestOrder order = new HubRequestOrder();
        long mine = order.received(PAIR);
        long other = order.received(OTHER);
        assertTrue(order.takesEffect(OTHER, other));
        assertTrue(order.takesEffect(PAIR, mine));
    }

    @Test
    void aPairIsForgottenOnceNoRequestOfItWaits() {
        HubRequestOrder order = new HubRequestOrder();
        long first = order.received(PAIR);
        long second = order.received(PAIR);
        order.takesEffect(PAIR, second);
        order.done(PAIR);
        assertEquals(1, order.remembered());
        order.takesEffect(PAIR, first);
        order.done(PAIR);
        assertEquals(0, order.remembered(), "memory is held only while requests wait");
    }
}
