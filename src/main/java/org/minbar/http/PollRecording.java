package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import org.minbar.model.FeedAddress;
import org.minbar.service.SubscriberStatistics;

/**
 * Counts each poll of a feed for the subscriber statistics once it is answered: a 200 or a 304
 * for a feed itself (its first page; archives and later pages are not polls). Counting happens in
 * memory on the serving thread ({@link SubscriberStatistics#polled}).
 */
final class PollRecording implements FeedRouter.Documents {

    private final FeedRouter.Documents documents;
    private final SubscriberStatistics statistics;

    PollRecording(FeedRouter.Documents documents, SubscriberStatistics statistics) {
        this.documents = documents;
        this.statistics = statistics;
    }

    @Override
    public void serve(HttpServerExchange exchange, FeedAddress address) throws Exception {
        if (!address.isArchive() && !exchange.getQueryParameters().containsKey(FeedAddress.PAGED)) {
            exchange.addExchangeCompleteListener((done, next) -> {
                try {
                    int status = done.getStatusCode();
                    if (status == 200 || status == 304) {
                        InetSocketAddress peer = done.getSourceAddress();
                        statistics.polled(address.path(), status == 304,
                                peer == null || peer.getAddress() == null ? "" : peer.getAddress().getHostAddress(),
                                done.getRequestHeaders().getFirst(io.undertow.util.Headers.USER_AGENT));
                    }
                } finally {
                    next.proceed();
                }
            });
        }
        documents.serve(exchange, address);
    }
}
