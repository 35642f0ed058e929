package org.vigi2fa.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run's headline: the login and enrolment goals (LoginFigures, EnrolmentFigures) checked from server CPU per operation, next to the throughput ratios —
 * or, when the run cannot carry one (quick mode, other processes busy, figures missing), why not.
 */
final class Headline {

    private Headline() {
    }

    static Map<String, Object> of(Map<String, Object> results, boolean quick) {
        JsonNode j = BenchResults.tree(results);
        Map<String, Object> out = new LinkedHashMap<>();
        String refusal = refusal(j, quick);
        out.put("given", refusal == null);
        if (refusal != null) {
            out.put("refused_because", refusal);
        }
        JsonNode login = j.path("login");
        JsonNode enrol = j.path("enrolment");
        out.put("login_cpu_ratio_vigi_over_builtin", goal(login.path("login_cpu_ratio_vigi_over_builtin_rounds")));
        out.put("login_ratio_vigi_over_builtin", goal(login.path("login_ratio_vigi_over_builtin")));
        out.put("login_cpu_ratio_vigi_over_password", goal(login.path("login_cpu_ratio_vigi_over_password_rounds")));
        Map<String, Object> enrolment = new LinkedHashMap<>();
        enrolment.put("enrol_cpu_ms_vigi", number(enrol.path("enrol_cpu_ms_vigi")));
        enrolment.put("enrol_cpu_ms_builtin", number(enrol.path("enrol_cpu_ms_builtin")));
        enrolment.put("password_hash_cpu_ms", number(enrol.path("password_hash_cpu_ms")));
        enrolment.put("limit_ms", number(enrol.path("enrol_cpu_goal").path("limit_ms")));
        enrolment.put("meets_cpu_goal", bool(enrol.path("enrol_cpu_goal").path("meets_goal")));
        enrolment.put("enrol_cpu_ratio_vigi_over_builtin", number(enrol.path("enrol_cpu_ratio_vigi_over_builtin")));
        enrolment.put("enrol_ratio_vigi_over_builtin_median", number(enrol.path("enrol_ratio_vigi_over_builtin").path("median")));
        enrolment.put("throughput_within_10_percent_of_cpu_ratio",
                bool(enrol.path("enrol_cpu_goal").path("throughput_within_10_percent_of_cpu_ratio")));
        out.put("enrolment", enrolment);
        out.put("lost_phone_total_ms_p95_under_login_load", number(j.path("lost_phone").path("under_login_load").path("total_ms_p95")));
        return out;
    }

    /** Every reason this run carries no headline, or null. */
    private static String refusal(JsonNode j, boolean quick) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (quick) {
            reasons.add("quick mode (short blocks, for checking that the benchmark works)");
        }
        JsonNode quiet = j.path("quiet_machine");
        if (!quiet.path("quiet").asBoolean(false)) {
            reasons.add(quiet.has("other_processes_share_of_capacity")
                    ? String.format(java.util.Locale.ROOT, "other processes were busy: they took %.0f %% of the machine's CPU "
                            + "during the load run (limit %.0f %%); load average %s before, %s after",
                            quiet.path("other_processes_share_of_capacity").asDouble() * 100,
                            quiet.path("quiet_limit_share").asDouble() * 100,
                            quiet.path("load_average_before").asText(), quiet.path("load_average_after").asText())
                    : quiet.path("reason").asText("the machine could not be checked"));
        }
        if (!j.path("login").path("login_cpu_ratio_vigi_over_builtin").isNumber()
                || !j.path("enrolment").path("enrol_cpu_ms_vigi").isNumber()
                || !j.path("enrolment").path("password_hash_cpu_ms").isNumber()) {
            reasons.add("figures missing (a phase was skipped or failed)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static Map<String, Object> goal(JsonNode ratio) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", number(ratio.path("median")));
        out.put("range", ratio.path("min").isNumber() ? ratio.path("min").asDouble() + ".." + ratio.path("max").asDouble() : null);
        out.put("goal", number(ratio.path("goal")));
        out.put("meets_goal", bool(ratio.path("meets_goal")));
        return out;
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    private static Boolean bool(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : null;
    }
}
