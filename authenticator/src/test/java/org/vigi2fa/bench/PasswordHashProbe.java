package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.vigi2fa.bench.BenchUsers.BenchUser;

/**
 * One password check's server CPU, measured in the same run: on our enrolment, the POST of the password
 * re-confirmation (the check, then the scan page) against a reload of that same scan page (the page alone). The
 * difference is what asking for the password again costs: one hash and its bookkeeping. Pairs run one at a time on an
 * otherwise idle server; each window is held a little after the response so that work Keycloak finishes on its
 * executors (the brute-force bookkeeping) is counted where it belongs, the same hold on both sides.
 */
final class PasswordHashProbe {

    private static final long HOLD_MS = 30;

    /** Mean server CPU-ms of the password POST and of the reload, and their difference. */
    record Result(int pairs, double passwordPostCpuMs, double pageReloadCpuMs) {
        double hashCpuMs() {
            return passwordPostCpuMs - pageReloadCpuMs;
        }
    }

    private PasswordHashProbe() {
    }

    static Result run(BenchSession session, String baseUrl, String realm, List<BenchUser> users, int pairs, ProcessHandle server)
            throws InterruptedException {
        List<Double> posts = new ArrayList<>();
        List<Double> reloads = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            BenchUser user = users.get(i % users.size());
            session.reset();
            BenchSession.Response page = session.get(Journeys.authUrl(baseUrl, realm, "vigi-2fa-enable"));
            BenchSession.Response confirm = session.post(page.formAction("kc-form-login"),
                    Map.of("username", user.username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
            Document confirmPage = Journeys.parse(confirm, "login-vigi-2fa-enable-confirm");
            Document passwordPage = Journeys.parse(Journeys.submit(session, confirmPage, "vigi-enable-confirm-form",
                    "vigi-continue", Map.of()), "login-vigi-2fa-enable-password");
            Thread.sleep(HOLD_MS);
            double before = CpuClock.processCpuMs(server);
            BenchSession.Response scan = Journeys.submit(session, passwordPage, "vigi-password-form", "vigi-password-submit",
                    Map.of("password", BenchUsers.PASSWORD));
            Thread.sleep(HOLD_MS);
            posts.add(CpuClock.processCpuMs(server) - before);
            String action = Journeys.parse(scan, "login-vigi-2fa-enable-scan").getElementById("vigi-scan-form").attr("action");
            before = CpuClock.processCpuMs(server);
            Journeys.parse(session.get(action), "login-vigi-2fa-enable-scan");
            Thread.sleep(HOLD_MS);
            reloads.add(CpuClock.processCpuMs(server) - before);
        }
        return new Result(pairs, mean(posts), mean(reloads));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
