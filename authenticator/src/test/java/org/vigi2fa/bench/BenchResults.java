package org.vigi2fa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.ClosedLoop.Block;

/** Collects the figures of one run and writes docs/benchmarks.json and docs/benchmarks.md. */
final class BenchResults {

    /** Goals (issue 18): login ours/built-in by throughput and by server CPU, ours/password-only by CPU. */
    static final double GOAL_LOGIN_VS_BUILTIN = 0.97;
    static final double GOAL_LOGIN_CPU_VS_BUILTIN = 1.00;
    static final double GOAL_LOGIN_CPU_VS_PASSWORD = 0.95;
    /** Enrolment: CPU at most built-in + one password check, plus this share; throughput ratio this close to the CPU ratio. */
    static final double GOAL_ENROL_CPU_MARGIN = 0.10;
    static final double GOAL_ENROL_WAITING = 0.10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the files went. */
    record Written(Path markdown, Path json) {
    }

    private final LoginLoadBenchmark.Plan plan;
    private final Map<String, Object> machine;
    private final String started = now();
    private String keycloakVersion = "not started";
    private String commit = "unknown";
    private String keycloakJvm = "unknown";
    private Integer usersPer2faRealm;
    private Double warmupPasswordRate;
    private final List<Map<Flow, Block>> loginRounds = new ArrayList<>();
    private final Map<Flow, Long> starved = new EnumMap<>(Flow.class);
    private final List<Map<String, Block>> enrolRounds = new ArrayList<>();
    private String enrolReason;
    private List<LostPhoneRoundTrip.Timing> lostPhone;
    private String lostPhoneReason;
    private final List<String> lostPhoneErrors = new ArrayList<>();
    private final Map<String, Object> stepProfiles = new LinkedHashMap<>();
    private final Map<String, Object> codePageRenders = new LinkedHashMap<>();
    private List<LostPhoneRoundTrip.Timing> lostPhoneLoaded;
    private Block lostPhoneLoad;
    private PasswordHashProbe.Result passwordHash;
    private String passwordHashReason;
    private Map<String, Object> busy;

    BenchResults(LoginLoadBenchmark.Plan plan, Map<String, Object> machine) {
        this.plan = plan;
        this.machine = machine;
    }

    void commit(String commit) {
        this.commit = commit;
    }

    void keycloak(String version, ProcessHandle process) {
        this.keycloakVersion = version;
        this.keycloakJvm = Machine.jvmOf(process);
    }

    void poolSize(int users, double passwordRate) {
        this.usersPer2faRealm = users;
        this.warmupPasswordRate = passwordRate;
    }

    void loginRound(Map<Flow, Block> blocks) {
        loginRounds.add(blocks);
    }

    void starved(Flow flow, long count) {
        starved.put(flow, count);
    }

    void enrolRound(Map<String, Block> blocks) {
        enrolRounds.add(blocks);
    }

    void enrolmentNotMeasured(String reason) {
        this.enrolReason = reason;
    }

    void lostPhone(List<LostPhoneRoundTrip.Timing> timings) {
        this.lostPhone = timings;
    }

    void lostPhoneNotMeasured(String reason) {
        this.lostPhoneReason = reason;
    }

    void lostPhoneError(String reason) {
        lostPhoneErrors.add(reason);
    }

    void stepProfile(String journey, List<Map<String, Object>> steps, String error) {
        stepProfiles.put(journey, steps != null ? steps : Map.of("error", error));
    }

    void codePageRender(String flow, List<Double> millis, Double cpuMs, String error) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reloads", millis.size());
        row.put("latency_ms_p50", round(Stats.percentile(millis, 50)));
        row.put("server_cpu_ms_mean", round(cpuMs));
        if (error != null) {
            row.put("error", error);
        }
        codePageRenders.put(flow, row);
    }

    void lostPhoneUnderLoad(List<LostPhoneRoundTrip.Timing> timings, Block load) {
        this.lostPhoneLoaded = timings;
        this.lostPhoneLoad = load;
    }

    void passwordHash(PasswordHashProbe.Result probe, String reason) {
        this.passwordHash = probe;
        this.passwordHashReason = reason;
    }

    /** Whether other processes were busy during the load run (BusyCheck). */
    void busy(Map<String, Object> busy) {
        this.busy = busy;
    }

    void loadAfter(String load) {
        machine.put("load_average_at_end", load);
    }

    Written write(Path docs) {
        try {
            Files.createDirectories(docs);
            Map<String, Object> json = toJson();
            Path jsonFile = docs.resolve("benchmarks.json");
            JSON.writeValue(jsonFile.toFile(), json);
            Path md = docs.resolve("benchmarks.md");
            Files.writeString(md, BenchMarkdown.render(json));
            return new Written(md, jsonFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated", now());
        out.put("started", started);
        out.put("provider_commit", commit);
        out.put("mode", plan.quick() ? "quick (development: short blocks, not for conclusions)" : "full");
        out.put("machine", machine);
        Map<String, Object> keycloak = new LinkedHashMap<>();
        keycloak.put("version", keycloakVersion);
        keycloak.put("jvm", keycloakJvm);
        keycloak.put("mode", "production: kc.sh build --db=dev-file --cache=local --health-enabled=true; kc.sh start --optimized "
                + "--http-enabled=true --http-host=127.0.0.1 --hostname-strict=false; heap -Xms512m -Xmx1g; theme and realm caches on (defaults)");
        keycloak.put("realms", "bench-password, bench-builtin, bench-vigi from realm-config/vigi-realm.json; only the browser flow differs");
        keycloak.put("password_hashing", "the realm default (no password policy in the template: Keycloak's default algorithm)");
        out.put("keycloak", keycloak);
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
        driver.put("warmup_password_logins_per_s", round(warmupPasswordRate));
        out.put("driver", driver);
        out.put("login", login());
        out.put("enrolment", enrolment());
        out.put("lost_phone", lostPhoneJson());
        out.put("step_profile", stepProfiles);
        out.put("code_page_render", codePageRenders);
        out.put("micro", MicroResults.read());
        out.put("quiet_machine", busy == null ? Map.of("quiet", false, "reason", "the load run did not start") : busy);
        out.put("headline", Headline.of(out, plan.quick()));
        out.put("notes", notes());
        return out;
    }

    private Map<String, Object> login() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> perFlow = new LinkedHashMap<>();
        for (Flow flow : Flow.values()) {
            List<Block> blocks = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> code = new ArrayList<>();
            List<Double> password = new ArrayList<>();
            List<Double> journey = new ArrayList<>();
            int voids = 0;
            for (Map<Flow, Block> round : loginRounds) {
                Block block = round.get(flow);
                blocks.add(block);
                if (!block.valid()) {
                    voids++;
                    continue;
                }
                rates.add(block.perSecond());
                cpu.add(block.serverCpuMsPerJourney());
                code.addAll(block.steps().codeStep);
                password.addAll(block.steps().passwordStep);
                journey.addAll(block.steps().journey);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("realm", flow.realm);
            f.put("flow", flow.label);
            f.put("logins_per_s_median", round(Stats.median(rates)));
            f.put("logins_per_s_per_round", blocks.stream().map(b -> b.valid() ? round(b.perSecond()) : null).toList());
            f.put("server_cpu_ms_per_login_median", round(Stats.median(cpu)));
            f.put("code_step_ms_p50", flow == Flow.PASSWORD ? null : round(Stats.percentile(code, 50)));
            f.put("code_step_ms_p95", flow == Flow.PASSWORD ? null : round(Stats.percentile(code, 95)));
            f.put("password_step_ms_p50", round(Stats.percentile(password, 50)));
            f.put("password_step_ms_p50_per_round", blocks.stream()
                    .map(b -> b.valid() ? round(Stats.percentile(b.steps().passwordStep, 50)) : null).toList());
            f.put("code_step_ms_p50_per_round", flow == Flow.PASSWORD ? null : blocks.stream()
                    .map(b -> b.valid() ? round(Stats.percentile(b.steps().codeStep, 50)) : null).toList());
            f.put("login_ms_p50", round(Stats.percentile(journey, 50)));
            f.put("login_ms_p95", round(Stats.percentile(journey, 95)));
            f.put("logins_measured", journey.size());
            f.put("void_blocks", voids);
            f.put("void_block_reasons", blocks.stream().filter(b -> !b.valid()).map(BenchResults::voidReason).toList());
            f.put("waits_for_a_user", starved.getOrDefault(flow, 0L));
            perFlow.put(flow.key(), f);
        }
        out.put("per_flow", perFlow);
        out.put("login_ratio_vigi_over_builtin", ratio(loginRounds, r -> rate(r.get(Flow.VIGI)), r -> rate(r.get(Flow.BUILTIN)), GOAL_LOGIN_VS_BUILTIN));
        out.put("login_ratio_vigi_over_password", ratio(loginRounds, r -> rate(r.get(Flow.VIGI)), r -> rate(r.get(Flow.PASSWORD)), null));
        out.put("login_ratio_builtin_over_password", ratio(loginRounds, r -> rate(r.get(Flow.BUILTIN)), r -> rate(r.get(Flow.PASSWORD)), null));
        // The headline: what a CPU-bound server would reach, the inverse ratio of server CPU per login, per round (steady
        // on a shared machine: it does not count time spent waiting for the cores).
        Map<String, Object> cpuBuiltin = ratio(loginRounds, r -> cpu(r.get(Flow.BUILTIN)), r -> cpu(r.get(Flow.VIGI)), GOAL_LOGIN_CPU_VS_BUILTIN);
        Map<String, Object> cpuPassword = ratio(loginRounds, r -> cpu(r.get(Flow.PASSWORD)), r -> cpu(r.get(Flow.VIGI)), GOAL_LOGIN_CPU_VS_PASSWORD);
        out.put("login_cpu_ratio_vigi_over_builtin", cpuBuiltin.get("median"));
        out.put("login_cpu_ratio_vigi_over_password", cpuPassword.get("median"));
        out.put("login_cpu_ratio_vigi_over_builtin_rounds", cpuBuiltin);
        out.put("login_cpu_ratio_vigi_over_password_rounds", cpuPassword);
        return out;
    }

    private Map<String, Object> enrolment() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured", enrolReason == null && !enrolRounds.isEmpty());
        if (enrolReason != null || enrolRounds.isEmpty()) {
            out.put("reason", enrolReason == null ? "not reached (run stopped earlier)" : enrolReason);
            return out;
        }
        out.put("definition", "fresh browser: authorization request with kc_action -> login page -> POST password -> "
                + "builtin: CONFIGURE_TOTP page -> POST code; vigi: confirm -> password again -> scan -> POST code; "
                + "-> 302 to the client. OTP credentials are removed between blocks (untimed) so users enrol again.");
        for (String which : List.of("builtin", "vigi")) {
            List<Double> rates = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            List<Double> journey = new ArrayList<>();
            for (Map<String, Block> round : enrolRounds) {
                Block b = round.get(which);
                if (b.valid()) {
                    rates.add(b.perSecond());
                    cpu.add(b.serverCpuMsPerJourney());
                    after.addAll(b.steps().codeStep);
                    journey.addAll(b.steps().journey);
                }
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("action", which.equals("vigi") ? "vigi-2fa-enable" : "CONFIGURE_TOTP");
            f.put("enrolments_per_s_median", round(Stats.median(rates)));
            f.put("enrolments_per_s_per_round", enrolRounds.stream().map(r -> r.get(which).valid() ? round(r.get(which).perSecond()) : null).toList());
            f.put("server_cpu_ms_per_enrolment_median", round(Stats.median(cpu)));
            f.put("after_sign_in_ms_p50", round(Stats.percentile(after, 50)));
            f.put("after_sign_in_ms_p95", round(Stats.percentile(after, 95)));
            f.put("journey_ms_p50", round(Stats.percentile(journey, 50)));
            f.put("void_block_reasons", enrolRounds.stream().map(r -> r.get(which)).filter(b -> !b.valid())
                    .map(BenchResults::voidReason).toList());
            out.put(which, f);
        }
        Map<String, Object> throughput = ratio(enrolRounds, r -> rate(r.get("vigi")), r -> rate(r.get("builtin")), null);
        Map<String, Object> cpuRatio = ratio(enrolRounds, r -> cpu(r.get("builtin")), r -> cpu(r.get("vigi")), null);
        out.put("enrol_ratio_vigi_over_builtin", throughput);
        out.put("enrol_cpu_ratio_vigi_over_builtin", cpuRatio.get("median"));
        out.put("enrol_cpu_ratio_vigi_over_builtin_rounds", cpuRatio);
        Double vigiCpu = medianCpu(enrolRounds, "vigi");
        Double builtinCpu = medianCpu(enrolRounds, "builtin");
        Double hash = passwordHash == null ? null : round(passwordHash.hashCpuMs());
        out.put("enrol_cpu_ms_vigi", round(vigiCpu));
        out.put("enrol_cpu_ms_builtin", round(builtinCpu));
        out.put("password_hash_cpu_ms", hash);
        out.put("password_hash_probe", passwordHash == null ? Map.of("reason", String.valueOf(passwordHashReason))
                : Map.of("pairs", passwordHash.pairs(), "password_post_cpu_ms", round(passwordHash.passwordPostCpuMs()),
                        "scan_page_alone_cpu_ms", round(passwordHash.pageReloadCpuMs()),
                        "how", "our re-confirmation POST (check + scan page) minus a reload of the scan page, one pair at a time"));
        out.put("enrol_cpu_goal", enrolCpuGoal(vigiCpu, builtinCpu, hash, (Double) throughput.get("median"), (Double) cpuRatio.get("median")));
        return out;
    }

    private Map<String, Object> lostPhoneJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured", lostPhone != null && !lostPhone.isEmpty());
        if (lostPhone == null || lostPhone.isEmpty()) {
            out.put("reason", lostPhoneReason == null ? "not reached (run stopped earlier)" : lostPhoneReason);
            return out;
        }
        out.put("definition", "one at a time, fresh user: code page -> POST lost-phone -> 'check your mailbox' page (request) -> "
                + "mail in the SMTP server on loopback (mail) -> GET link, POST confirm (confirm)");
        out.put("round_trips", lostPhone.size());
        out.put("total_ms_p50", round(Stats.percentile(lostPhone.stream().map(LostPhoneRoundTrip.Timing::total).toList(), 50)));
        out.put("total_ms_p95", round(Stats.percentile(lostPhone.stream().map(LostPhoneRoundTrip.Timing::total).toList(), 95)));
        out.put("request_ms_p50", round(Stats.percentile(lostPhone.stream().map(LostPhoneRoundTrip.Timing::request).toList(), 50)));
        out.put("mail_ms_p50", round(Stats.percentile(lostPhone.stream().map(LostPhoneRoundTrip.Timing::mail).toList(), 50)));
        out.put("confirm_ms_p50", round(Stats.percentile(lostPhone.stream().map(LostPhoneRoundTrip.Timing::confirm).toList(), 50)));
        out.put("errors", lostPhoneErrors);
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("definition", "the same round trip by a browser of its own while " + plan.threads() + " virtual users sign in "
                + "to bench-vigi back to back, as in a login round");
        List<Double> totals = lostPhoneLoaded == null ? List.of() : lostPhoneLoaded.stream().map(LostPhoneRoundTrip.Timing::total).toList();
        loaded.put("round_trips", totals.size());
        loaded.put("total_ms_p50", round(Stats.percentile(totals, 50)));
        loaded.put("total_ms_p95", round(Stats.percentile(totals, 95)));
        loaded.put("load_logins_per_s", lostPhoneLoad == null ? null : round(lostPhoneLoad.perSecond()));
        loaded.put("load_block", lostPhoneLoad == null ? null : lostPhoneLoad.valid() ? "valid" : voidReason(lostPhoneLoad));
        out.put("under_login_load", loaded);
        return out;
    }

    private List<String> notes() {
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

    private static <R> Map<String, Object> ratio(List<R> rounds, java.util.function.Function<R, Double> top,
                                                 java.util.function.Function<R, Double> bottom, Double goal) {
        List<Double> ratios = new ArrayList<>();
        List<Double> perRound = new ArrayList<>();
        for (R r : rounds) {
            Double a = top.apply(r);
            Double b = bottom.apply(r);
            Double q = a == null || b == null || b == 0 ? null : a / b;
            perRound.add(q == null ? null : round(q));
            if (q != null) {
                ratios.add(q);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", round(Stats.median(ratios)));
        out.put("min", ratios.isEmpty() ? null : round(Collections2.min(ratios)));
        out.put("max", ratios.isEmpty() ? null : round(Collections2.max(ratios)));
        out.put("per_round", perRound);
        out.put("valid_rounds", ratios.size());
        if (goal != null) {
            out.put("goal", goal);
            Double median = Stats.median(ratios);
            out.put("meets_goal", median == null ? null : median >= goal);
        }
        return out;
    }

    /** Enrolment CPU against built-in + one password check + 10 %, and whether throughput follows CPU (no waiting). */
    private static Map<String, Object> enrolCpuGoal(Double vigi, Double builtin, Double hash, Double throughputRatio, Double cpuRatio) {
        Map<String, Object> goal = new LinkedHashMap<>();
        Double limit = builtin == null || hash == null ? null : (builtin + hash) * (1 + GOAL_ENROL_CPU_MARGIN);
        goal.put("rule", "enrol_cpu_ms_vigi <= (enrol_cpu_ms_builtin + password_hash_cpu_ms) x 1.10");
        goal.put("limit_ms", round(limit));
        goal.put("meets_goal", limit == null || vigi == null ? null : vigi <= limit);
        Double gap = throughputRatio == null || cpuRatio == null || cpuRatio == 0 ? null : throughputRatio / cpuRatio - 1;
        goal.put("throughput_over_cpu_ratio_minus_1", round(gap));
        goal.put("throughput_within_10_percent_of_cpu_ratio", gap == null ? null : Math.abs(gap) <= GOAL_ENROL_WAITING);
        return goal;
    }

    private static Double medianCpu(List<Map<String, Block>> rounds, String which) {
        return Stats.median(rounds.stream().map(r -> cpu(r.get(which))).filter(java.util.Objects::nonNull).toList());
    }

    private static Double cpu(Block block) {
        return block == null || !block.valid() ? null : block.serverCpuMsPerJourney();
    }

    private static String voidReason(Block b) {
        return b.name() + ": " + b.completed() + " ok, " + b.errors() + " errors, " + b.unavailable() + " waits for a user"
                + (b.firstError() == null ? "" : "; first error: " + b.firstError());
    }

    private static Double rate(Block block) {
        return block == null || !block.valid() ? null : block.perSecond();
    }

    static Double round(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Min and max of a non-empty collection. */
    private static final class Collections2 {
        static double min(Collection<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        static double max(Collection<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    /** Median and nearest-rank percentiles. */
    static final class Stats {
        static Double median(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        static Double percentile(List<Double> values, double p) {
            List<Double> sorted = new ArrayList<>(values);
            if (sorted.isEmpty()) {
                return null;
            }
            sorted.sort(null);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    static String fmt(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        }
        return value.toString();
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
