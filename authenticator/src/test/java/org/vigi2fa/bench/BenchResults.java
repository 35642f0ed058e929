package org.vigi2fa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.ClosedLoop.Block;

/** Collects the figures of one run and writes docs/benchmarks.json and docs/benchmarks.md. */
final class BenchResults {

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
        row.put("latency_ms_p50", BenchStats.round(BenchStats.percentile(millis, 50)));
        row.put("server_cpu_ms_mean", BenchStats.round(cpuMs));
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
        out.put("keycloak", SetupFigures.keycloak(keycloakVersion, keycloakJvm));
        out.put("driver", SetupFigures.driver(plan, usersPer2faRealm, warmupPasswordRate));
        out.put("login", LoginFigures.of(loginRounds, starved));
        out.put("enrolment", EnrolmentFigures.of(enrolRounds, enrolReason, passwordHash, passwordHashReason));
        out.put("lost_phone", LostPhoneFigures.of(lostPhone, lostPhoneReason, lostPhoneErrors, lostPhoneLoaded, lostPhoneLoad,
                plan.threads()));
        out.put("step_profile", stepProfiles);
        out.put("code_page_render", codePageRenders);
        out.put("micro", MicroResults.read());
        out.put("quiet_machine", busy == null ? Map.of("quiet", false, "reason", "the load run did not start") : busy);
        out.put("headline", Headline.of(out, plan.quick()));
        out.put("notes", SetupFigures.notes());
        return out;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
