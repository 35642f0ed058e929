package org.vigi2fa.bench;

import static org.vigi2fa.bench.MarkdownCells.list;
import static org.vigi2fa.bench.MarkdownCells.num;
import static org.vigi2fa.bench.MarkdownCells.ratioRow;
import static org.vigi2fa.bench.MarkdownCells.yesNo;

import com.fasterxml.jackson.databind.JsonNode;

/** The throughput tables: login side by side, then enrolment with its server-CPU goal. */
final class LoadMarkdown {

    private LoadMarkdown() {
    }

    static void login(StringBuilder md, JsonNode j) {
        JsonNode login = j.path("login");
        md.append("## Login throughput, side by side\n\n");
        md.append("| flow | logins/s (median) | per round | server CPU-ms/login | login p50 / p95 ms | password step p50 ms | code step p50 / p95 ms | void blocks |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        login.path("per_flow").forEach(f -> md.append("| ").append(f.path("flow").asText()).append(" (`").append(f.path("realm").asText()).append("`) | ")
                .append(num(f, "logins_per_s_median")).append(" | ").append(list(f.path("logins_per_s_per_round"))).append(" | ")
                .append(num(f, "server_cpu_ms_per_login_median")).append(" | ")
                .append(num(f, "login_ms_p50")).append(" / ").append(num(f, "login_ms_p95")).append(" | ")
                .append(num(f, "password_step_ms_p50")).append(" | ")
                .append(num(f, "code_step_ms_p50")).append(" / ").append(num(f, "code_step_ms_p95")).append(" | ")
                .append(f.path("void_blocks").asText()).append(" |\n"));
        md.append("\n| ratio | median | range (min..max) | per round | goal | met |\n|---|---:|---|---|---:|---|\n");
        ratioRow(md, "ours ÷ built-in OTP, by server CPU per login", login.path("login_cpu_ratio_vigi_over_builtin_rounds"));
        ratioRow(md, "ours ÷ built-in OTP, by logins/s", login.path("login_ratio_vigi_over_builtin"));
        ratioRow(md, "ours ÷ password only, by server CPU per login", login.path("login_cpu_ratio_vigi_over_password_rounds"));
        ratioRow(md, "ours ÷ password only, by logins/s", login.path("login_ratio_vigi_over_password"));
        ratioRow(md, "built-in OTP ÷ password only, by logins/s (reference)", login.path("login_ratio_builtin_over_password"));
        md.append("\nBy server CPU = the inverse ratio of server CPU-ms per login in the blocks of one round: what a CPU-bound "
                + "server would reach, and steady on a shared machine (it does not count time spent waiting for a core).\n");
    }

    static void enrolment(StringBuilder md, JsonNode j) {
        JsonNode enrol = j.path("enrolment");
        md.append("\n## Enrolment throughput\n\n");
        if (!enrol.path("measured").asBoolean()) {
            md.append("Not measured: ").append(enrol.path("reason").asText()).append("\n");
            return;
        }
        md.append(enrol.path("definition").asText()).append("\n\n");
        md.append("| enrolment | enrolments/s (median) | per round | server CPU-ms/enrolment | after sign-in p50 / p95 ms | journey p50 ms |\n");
        md.append("|---|---:|---|---:|---:|---:|\n");
        for (String which : new String[] {"builtin", "vigi"}) {
            JsonNode f = enrol.path(which);
            md.append("| `").append(f.path("action").asText()).append("` | ").append(num(f, "enrolments_per_s_median")).append(" | ")
                    .append(list(f.path("enrolments_per_s_per_round"))).append(" | ")
                    .append(num(f, "server_cpu_ms_per_enrolment_median")).append(" | ")
                    .append(num(f, "after_sign_in_ms_p50")).append(" / ").append(num(f, "after_sign_in_ms_p95")).append(" | ")
                    .append(num(f, "journey_ms_p50")).append(" |\n");
        }
        md.append("\n| ratio | median | range (min..max) | per round | goal | met |\n|---|---:|---|---|---:|---|\n");
        ratioRow(md, "ours ÷ built-in CONFIGURE_TOTP, by server CPU per enrolment", enrol.path("enrol_cpu_ratio_vigi_over_builtin_rounds"));
        ratioRow(md, "ours ÷ built-in CONFIGURE_TOTP, by enrolments/s", enrol.path("enrol_ratio_vigi_over_builtin"));
        cpuGoal(md, enrol);
    }

    /** The sentence under the enrolment table: CPU per enrolment against the goal, and the throughput check. */
    private static void cpuGoal(StringBuilder md, JsonNode enrol) {
        JsonNode goal = enrol.path("enrol_cpu_goal");
        JsonNode probe = enrol.path("password_hash_probe");
        md.append("\nServer CPU per enrolment: ours ").append(num(enrol, "enrol_cpu_ms_vigi")).append(" ms, `CONFIGURE_TOTP` ")
                .append(num(enrol, "enrol_cpu_ms_builtin")).append(" ms; one password check ").append(num(enrol, "password_hash_cpu_ms"))
                .append(" ms (measured in this run: ").append(probe.path("how").asText(probe.path("reason").asText()))
                .append("; ").append(num(probe, "password_post_cpu_ms")).append(" − ").append(num(probe, "scan_page_alone_cpu_ms"))
                .append(" ms over ").append(probe.path("pairs").asText("—")).append(" pairs). Goal `").append(goal.path("rule").asText())
                .append("`: limit ").append(num(goal, "limit_ms")).append(" ms, met: ").append(yesNo(goal.path("meets_goal")))
                .append(". Throughput ratio ÷ CPU ratio − 1 = ").append(num(goal, "throughput_over_cpu_ratio_minus_1"))
                .append(" (within ±10 %, i.e. no waiting: ").append(yesNo(goal.path("throughput_within_10_percent_of_cpu_ratio"))).append(").\n");
    }
}
