package org.vigi2fa.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;

/** The one way tests fire requests at the same moment (one thread each, released together). */
public final class Parallel {

    private Parallel() {
    }

    /**
     * A double-click: the same request sent twice at once from two tabs of this browser (same cookies); the two
     * answers, in order. The browser keeps its own cookies as they were.
     */
    public static List<Page> doubleSubmit(WebSession browser, Function<WebSession, Page> request) throws Exception {
        WebSession first = browser.tab();
        WebSession second = browser.tab();
        return atOnce(List.of(() -> request.apply(first), () -> request.apply(second)));
    }

    /** Runs the calls at once and returns their answers in order; each must be below 500. */
    public static List<Page> atOnce(List<Callable<Page>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Page>> futures = new ArrayList<>();
            for (Callable<Page> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Page> pages = new ArrayList<>();
            for (Future<Page> future : futures) {
                Page page = future.get(120, TimeUnit.SECONDS);
                assertTrue(page.status() < 500, "never a 5xx: " + page + " " + page.text());
                pages.add(page);
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }
}
