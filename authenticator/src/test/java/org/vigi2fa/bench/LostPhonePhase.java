package org.vigi2fa.bench;

import static org.vigi2fa.bench.LoginLoadBenchmark.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.BenchUsers.BenchUser;

/** Lost-phone round trips one at a time, then as many again while the login rounds' load runs on bench-vigi. */
final class LostPhonePhase {

    private LostPhonePhase() {
    }

    /** Lost-phone round trips one at a time, then as many again while the login rounds' load runs on bench-vigi. */
    static void run(LoadRun run) throws Exception {
        int trips = run.plan.lostPhoneTrips();
        List<BenchUser> users = BenchUsers.create(run.admin.realm(Flow.VIGI.realm), "lost", 0, 2 * trips, true);
        run.mail.purgeEmailFromAllMailboxes();
        List<LostPhoneRoundTrip.Timing> idle = new ArrayList<>();
        for (BenchUser user : users.subList(0, trips)) {
            try {
                idle.add(LostPhoneRoundTrip.run(run.sessions.get(0), run.server.baseUrl(), Flow.VIGI.realm, user, run.mail));
            } catch (Exception | AssertionError e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (idle.isEmpty()) {
                    run.results.lostPhoneNotMeasured("the lost-phone round trip does not complete on this build: " + reason);
                    log("lost-phone round trip not measured: " + reason);
                    return;
                }
                run.results.lostPhoneError(reason);
            }
        }
        run.results.lostPhone(idle);
        log("lost-phone round trips, one at a time: " + idle.size());
        underLoad(run, users.subList(trips, 2 * trips));
    }

    /** Round trips by a browser of their own while the virtual users sign in to bench-vigi as in a login round. */
    private static void underLoad(LoadRun run, List<BenchUser> users) throws Exception {
        BenchSession own = new BenchSession(BenchSession.newClient(), run.server.baseUrl());
        AtomicBoolean loading = new AtomicBoolean(true);
        List<LostPhoneRoundTrip.Timing> loaded = Collections.synchronizedList(new ArrayList<>());
        Thread trips = new Thread(() -> {
            for (BenchUser user : users) {
                try {
                    LostPhoneRoundTrip.Timing timing = LostPhoneRoundTrip.run(own, run.server.baseUrl(), Flow.VIGI.realm, user, run.mail);
                    if (!loading.get()) {
                        return; // ended after the load: not a loaded round trip
                    }
                    loaded.add(timing);
                } catch (Exception | AssertionError e) {
                    run.results.lostPhoneError("under load: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }, "bench-lost-under-load");
        trips.start();
        ClosedLoop.Block load = run.block("lostload", Flow.VIGI, run.plan.block());
        loading.set(false);
        trips.join();
        run.results.lostPhoneUnderLoad(loaded, load);
        log("lost-phone round trips under login load: " + loaded.size());
    }
}
