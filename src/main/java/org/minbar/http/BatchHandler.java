package org.minbar.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Submission;
import org.minbar.service.ArticleService;
import org.minbar.service.Saved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/articles/batch: many articles in one request, as NDJSON (one JSON article a line, at
 * most {@value #MOST_LINES} lines, blank lines ignored). Each line is read and checked on its own,
 * the good ones are committed together, and the answer is NDJSON in the same order, a line for each
 * article: {"line": 3, "status": 201, "id": 42, "location": "/api/articles/42"}, or the status and
 * problems of a line refused, which changed nothing.
 */
final class BatchHandler {

    static final String NDJSON = "application/x-ndjson";
    static final int MOST_LINES = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(BatchHandler.class);

    private final ArticleService articles;

    BatchHandler(ArticleService articles) {
        this.articles = articles;
    }

    void handle(HttpServerExchange exchange) throws Exception {
        Submission body = RequestBodies.read(exchange);
        String type = body.mediaType() == null ? "" : body.mediaType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(NDJSON)) {
            throw new HttpError(415, "Content-Type must be " + NDJSON + ", one JSON article a line"
                    + (body.mediaType() == null ? " (none was given)" : " (got " + body.mediaType() + ")"));
        }
        List<Integer> lineNumbers = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        String[] lines = new String(body.body(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (submissions.size() == MOST_LINES) {
                throw new HttpError(413, "a batch holds at most " + MOST_LINES + " articles; send the rest in another");
            }
            lineNumbers.add(i + 1);
            submissions.add(new Submission(ArticleReaders.JSON, lines[i].getBytes(StandardCharsets.UTF_8), Optional.empty(),
                    Optional.empty()));
        }
        if (submissions.isEmpty()) {
            throw new HttpError(400, "the batch holds no article: send one JSON article a line");
        }
        List<ArticleService.Outcome> outcomes = articles.submitAll(submissions);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int i = 0; i < outcomes.size(); i++) {
            answer.write(MAPPER.writeValueAsBytes(line(lineNumbers.get(i), outcomes.get(i))));
            answer.write('\n');
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, NDJSON + "; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, answer.size());
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.toByteArray()));
    }

    private static Map<String, Object> line(int number, ArticleService.Outcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", number);
        if (outcome.saved().isPresent()) {
            Saved saved = outcome.saved().get();
            line.put("status", saved.created() ? 201 : 200);
            line.put("id", saved.article().id());
            line.put("location", "/api/articles/" + saved.article().id());
            line.put("changed", saved.changed());
            return line;
        }
        RuntimeException failure = outcome.failure().orElseThrow();
        Map<String, Object> error = ErrorHandler.body(failure);
        if (Integer.valueOf(500).equals(error.get("status"))) {
            LOG.error("batch line {} failed", number, failure);
        }
        line.putAll(error);
        return line;
    }
}
