package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lets {@link ErrorHandler} answer a browser with an Arabic HTML page: wraps every request and
 * attaches the page renderer to it. Only a request whose Accept prefers text/html to JSON gets a
 * page; programs, feed readers and curl keep their JSON or plain text, with the same status.
 */
final class HtmlErrors implements HttpHandler {

    /** Renders the page for an error: its status and the message a program would be given. */
    interface Pages {
        String page(int status, String detail);
    }

    private static final AttachmentKey<Pages> PAGES = AttachmentKey.create(Pages.class);

    private final Pages pages;
    private final HttpHandler next;

    HtmlErrors(Pages pages, HttpHandler next) {
        this.pages = pages;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.putAttachment(PAGES, pages);
        next.handleRequest(exchange);
    }

    /** Answers the error as a page if the request is a browser's and the server renders pages; false when it did not. */
    static boolean send(HttpServerExchange exchange, int status, String detail) {
        Pages pages = exchange.getAttachment(PAGES);
        if (pages == null || !prefersHtml(exchange.getRequestHeaders().getFirst(Headers.ACCEPT))) {
            return false;
        }
        Responses.send(exchange, status, "text/html; charset=utf-8", pages.page(status, detail).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /**
     * Whether an Accept header names text/html (or application/xhtml+xml) with a quality above zero
     * and at least that of application/json: what browsers send for a page. "*&#47;*" alone is not a preference.
     */
    static boolean prefersHtml(String accept) {
        double[] qualities = qualities(accept);
        return qualities[0] > 0 && qualities[0] >= qualities[1];
    }

    /** Whether an Accept header names application/json (or a +json type) above text/html: a program asking for JSON. */
    static boolean prefersJson(String accept) {
        double[] qualities = qualities(accept);
        return qualities[1] > 0 && qualities[1] > qualities[0];
    }

    /** The best quality given to HTML and to JSON. */
    private static double[] qualities(String accept) {
        if (accept == null) {
            return new double[] {0, 0};
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, quality);
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, quality);
            }
        }
        return new double[] {html, json};
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
