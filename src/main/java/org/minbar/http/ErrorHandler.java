package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minbar.model.Problem;
import org.minbar.model.TemporaryFailure;
import org.minbar.service.BusyException;
import org.minbar.service.ConflictException;
import org.minbar.service.GoneException;
import org.minbar.service.InvalidInputException;
import org.minbar.service.MovedException;
import org.minbar.service.NotArchivedYetException;
import org.minbar.service.NotFoundException;
import org.minbar.service.PreconditionFailedException;
import org.minbar.service.RelocatedException;
import org.minbar.service.TooManyRequestsException;
import org.minbar.service.UnsupportedFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP statuses. At the addresses programs use ({@link ProgramAddresses})
 * an error is a JSON body:
 * {"status": 400, "error": "Bad Request", "message": "…", "problems": [{"field": "$.title", "message": "…"}]};
 * so is it for a client whose Accept prefers JSON. Everywhere else a browser that asks for HTML is
 * shown an Arabic page ({@link HtmlErrors}), and other clients (feed readers, curl) get the same as
 * plain text: "404 Not Found: no category with the slug 'x'", a problem per line after it.
 */
final class ErrorHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    /** How long a client is asked to wait after a fault of the store: a freed disk or a remount takes that long. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final HttpHandler next;

    ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            send(exchange, e);
        }
    }

    static void send(HttpServerExchange exchange, Exception e) {
        if (exchange.isResponseStarted()) {
            LOG.error("failed after the response started: {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            exchange.endExchange();
            return;
        }
        if (e instanceof MovedException moved) {
            Moved.redirect(exchange, moved.to());
            return;
        }
        if (e instanceof RelocatedException relocated) {
            Moved.send(exchange, relocated.location());
            return;
        }
        if (e instanceof NotArchivedYetException pending) {
            exchange.getResponseHeaders().put(Headers.LOCATION, pending.current().path());
            PlainText.send(exchange, 302, pending.getMessage() + ": " + pending.current().path() + "\n");
            return;
        }
        int status = status(e);
        if (status == 500) {
            LOG.error("failed: {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
        } else if (e instanceof TemporaryFailure failure) {
            LOG.info("{} {}: 503, {}", exchange.getRequestMethod(), exchange.getRequestPath(), failure.fault());
        }
        String retryAfter = exchange.getResponseHeaders().getFirst(Headers.RETRY_AFTER); // set by whoever refused
        exchange.getResponseHeaders().clear();
        if (retryAfter != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, retryAfter);
        }
        if (e instanceof TemporaryFailure) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (status == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"minbar\"");
        }
        if (ProgramAddresses.contains(exchange.getRequestPath())
                || HtmlErrors.prefersJson(exchange.getRequestHeaders().getFirst(Headers.ACCEPT))) {
            Json.send(exchange, status, body(e));
        } else if (!HtmlErrors.send(exchange, status, (String) body(e).get("message"))) {
            PlainText.send(exchange, status, text(body(e)));
        }
    }


    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> body) {
        StringBuilder text = new StringBuilder().append(body.get("status")).append(' ').append(body.get("error"))
                .append(": ").append(body.get("message")).append('\n');
        for (Problem problem : (List<Problem>) body.getOrDefault("problems", List.of())) {
            text.append("  ").append(problem.field()).append(": ").append(problem.message()).append('\n');
        }
        return text.toString();
    }

    /** The error body for an exception: its status, and a message (never an internal one) with the problems; logs nothing. */
    static Map<String, Object> body(Exception e) {
        int status = status(e);
        String message = status == 500 ? "internal error; the server log has the details"
                : e instanceof TemporaryFailure failure
                ? "the store cannot be used now: " + failure.fault() + ". Nothing was changed; try again later."
                : e.getMessage();
        return body(status, message, e instanceof InvalidInputException invalid ? invalid.problems() : List.of());
    }

    static Map<String, Object> body(int status, String message, List<Problem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", reason(status));
        body.put("message", message);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        return body;
    }

    private static int status(Exception e) {
        if (e instanceof HttpError http) {
            return http.status();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.unprocessable() ? 422 : 400;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof GoneException) {
            return 410;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof UnsupportedFormatException) {
            return 415;
        }
        if (e instanceof PreconditionFailedException) {
            return 412;
        }
        if (e instanceof BusyException || e instanceof TemporaryFailure) {
            return 503;
        }
        if (e instanceof TooManyRequestsException) {
            return 429;
        }
        return 500;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 408 -> "Request Timeout";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
