package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Covers CallbackGuard: which addresses count as private, and that allowing private callbacks allows them.
class CallbackGuardTest {

    @Test
    void loopbackPrivateLinkLocalWildcardAndUniqueLocalAddressesArePrivate() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1")) {
            assertTrue(CallbackGuard.isPrivate(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void publicAddressesAreNot() throws UnknownHostException {
        for (String address : List.of("93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111")) {
            assertFalse(CallbackGuard.isPrivate(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aLoopbackCallbackIsRefusedWithTheAddressNamedUnlessAllowed() {
        assertEquals(Optional.of("resolves to 127.0.0.1, a loopback, private, link-local or wildcard address, which this hub"
                + " does not call"), new CallbackGuard(false).refusal("http://127.0.0.1:9/cb"));
        assertEquals(Optional.empty(), new CallbackGuard(true).refusal("http://127.0.0.1:9/cb"));
    }
}
