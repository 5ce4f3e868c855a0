package org.minbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One publisher sending NDJSON batches to POST /api/articles/batch, one after another, until a
 * number of articles or a deadline. Each answer is NDJSON, one line per input line
 * ({@code {"line":N,"status":201,"id":…}} or {@code {"line":N,"status":400,"problems":[…]}}).
 * An endpoint the server does not have (404, 405) is reported, not treated as a failure; a batch
 * over the server's body limit (413) is sent again in halves.
 */
final class BatchLoad {

    /**
     * What a run did: empty {@code missing} means the endpoint answered; {@code lines} is the batch
     * size that was accepted (smaller than asked after a 413); ids in the order sent.
     */
    record Result(Optional<Integer> missing, int lines, int accepted, int rejected, double seconds, String firstProblem,
                  List<Long> ids, PublishLoad.Newest newest) {
        double rate() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    private final MinbarClient client;
    private final ArabicNews news;
    private final AtomicLong serial;

    BatchLoad(MinbarClient client, String run, AtomicLong serial) {
        this.client = client;
        this.news = new ArabicNews(run, 99 + serial.get());
        this.serial = serial;
    }

    Result run(int articles, int linesPerBatch, Duration cap) throws Exception {
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        int lines = linesPerBatch;
        int accepted = 0;
        int rejected = 0;
        String firstProblem = "";
        List<Long> ids = new ArrayList<>();
        PublishLoad.Newest newest = new PublishLoad.Newest(0, "");
        Deque<ArabicNews.NewsArticle> pending = new ArrayDeque<>();
        for (int sent = 0; sent < articles && System.nanoTime() < deadline; ) {
            while (pending.size() < Math.min(lines, articles - sent)) {
                pending.add(news.article(serial.incrementAndGet()));
            }
            List<ArabicNews.NewsArticle> batch = new ArrayList<>(pending).subList(0, Math.min(lines, pending.size()));
            HttpResponse<String> response;
            try {
                response = client.publishBatch(ndjson(batch));
            } catch (IOException e) {
                batch.forEach(article -> pending.removeFirst());
                sent += batch.size();
                rejected += batch.size();
                firstProblem = firstProblem.isEmpty() ? e.toString() : firstProblem;
                continue;
            }
            if (response.statusCode() == 404 || response.statusCode() == 405) {
                return new Result(Optional.of(response.statusCode()), lines, 0, 0, 0, "", List.of(), newest);
            }
            if (response.statusCode() == 413 && lines > 1) {
                lines = lines / 2;
                continue;
            }
            batch.forEach(article -> pending.removeFirst());
            sent += batch.size();
            if (response.statusCode() / 100 != 2) {
                rejected += batch.size();
                firstProblem = firstProblem.isEmpty() ? response.statusCode() + " " + PublishLoad.snippet(response.body()) : firstProblem;
                continue;
            }
            String[] answers = response.body().split("\n");
            for (int i = 0; i < answers.length; i++) {
                if (answers[i].isBlank()) {
                    continue;
                }
                JsonNode answer = MinbarClient.tree(answers[i]);
                int status = answer.path("status").asInt();
                long id = answer.path("id").asLong();
                if (status == 201 || status == 200) {
                    accepted++;
                    ids.add(id);
                    if (i < batch.size() && id > newest.id()) {
                        newest = new PublishLoad.Newest(id, batch.get(i).name());
                    }
                } else {
                    rejected++;
                    firstProblem = firstProblem.isEmpty() ? PublishLoad.snippet(answers[i]) : firstProblem;
                }
            }
        }
        return new Result(Optional.empty(), lines, accepted, rejected, (System.nanoTime() - start) / 1e9, firstProblem, ids, newest);
    }

    private static byte[] ndjson(List<ArabicNews.NewsArticle> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 8_000);
        for (ArabicNews.NewsArticle article : batch) {
            body.writeBytes(article.json());
            body.write('\n');
        }
        return body.toByteArray();
    }
}
