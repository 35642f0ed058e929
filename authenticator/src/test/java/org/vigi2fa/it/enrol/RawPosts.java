package org.vigi2fa.it.enrol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.vigi2fa.testing.http.WebSession;

/** The same form post sent several times at once with a browser's cookies (double clicks, replays). */
final class RawPosts {

    private RawPosts() {
    }

    /** One form post of one browser. */
    record Post(WebSession browser, String url, Map<String, String> fields) {
        HttpRequest request() {
            String cookie = browser.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(fields))).build();
        }
    }

    /** Returns the HTTP status of each post (redirects are not followed). */
    static List<Integer> parallel(WebSession browser, String url, Map<String, String> fields, int copies) throws Exception {
        return together(Collections.nCopies(copies, new Post(browser, url, fields)));
    }

    /** Sends the posts at the same moment (also of different browsers); the HTTP status of each. */
    static List<Integer> together(List<Post> posts) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Post post : posts) {
                HttpRequest request = post.request();
                results.add(pool.submit(() -> {
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
