package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run ran on and how, for benchmarks.json: the server's mode, the driver's plan, and the notes on reading both. */
final class SetupFigures {

    private SetupFigures() {
    }

    static Map<String, Object> keycloak(String keycloakVersion, String keycloakJvm) {
        Map<String, Object> keycloak = new LinkedHashMap<>();
        keycloak.put("version", keycloakVersion);
        keycloak.put("jvm", keycloakJvm);
        keycloak.put("mode", "production: kc.sh build --db=dev-file --cache=local --health-enabled=true; kc.sh start --optimized "
                + "--http-enabled=true --http-host=127.0.0.1 --hostname=http://127.0.0.1:<port>; heap -Xms512m -Xmx1g; theme and realm caches on (defaults)");
        keycloak.put("realms", "bench-password, bench-builtin, bench-vigi from realm-config/vigi-realm.json; only the browser flow differs");
        keycloak.put("password_hashing", "the realm default (no password policy in the template: Keycloak's default algorithm)");
        return keycloak;
    }

    static Map<String, Object> driver(LoginLoadBenchmark.Plan plan, Integer usersPer2faRealm, Double warmupPasswordRate) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("kind", "closed loop on 127.0.0.1, Java HttpClient, own cookie jar, one connection per virtual user");
        driver.put("virtual_users", plan.threads());
        driver.put("warmup_seconds_per_flow", plan.warmup().toSeconds());
        driver.put("login_rounds", plan.rounds());
        driver.put("login_block_seconds", plan.block().toSeconds());
        driver.put("enrolment_rounds", plan.enrolRounds());
        driver.put("enrolment_block_seconds", plan.enrolBlock().toSeconds());
        driver.put("login_definition", "GET authorization request (vms-cloud, PKCE) -> login page -> POST username+password "
                + "-> [2FA realms: code page -> POST current TOTP code] -> 302 to the client with ?code=; the code is not redeemed");
        driver.put("users_per_2fa_realm", usersPer2faRealm);
        driver.put("warmup_password_logins_per_s", BenchStats.round(warmupPasswordRate));
        return driver;
    }

    static List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Ratios are per round (the blocks of one round ran minutes apart at most, in rotating order) and then the "
                + "median over valid rounds; range = min..max over those rounds. A block with any error is void.");
        notes.add("Server CPU-ms = utime+stime of the Keycloak java process from /proc/PID/stat over a block, divided by "
                + "the journeys completed in it; it includes the server's background work during the block.");
        notes.add("The driver runs on the same machine and shares its cores with the server.");
        notes.add("Security mails ('2FA turned on', 'turned off', ...) leave after the commit on Keycloak's executor; their CPU "
                + "(template, SMTP) is still the server's and counted in the block it falls in.");
        notes.add("The headline is refused when other processes took more than " + (int) (BusyCheck.QUIET_SHARE * 100)
                + " % of the machine's CPU during the load run (quiet_machine), or in quick mode.");
        return notes;
    }
}
