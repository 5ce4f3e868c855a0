package org.minbar.websub;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A subscriber's well-formed request to the hub: subscribe or unsubscribe a callback to a topic
 * (as given, not yet resolved), with the lease it asks for and the secret deliveries are signed with.
 */
public record HubRequest(Mode mode, String topic, String callback, OptionalLong leaseSeconds, Optional<String> secret) {

    /** hub.mode's two values a subscriber may send. */
    public enum Mode {
        SUBSCRIBE("subscribe"),
        UNSUBSCRIBE("unsubscribe");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        /** As it appears in hub.mode. */
        public String value() {
            return value;
        }
    }
}
