package org.vigi2fa.bench;

import static org.vigi2fa.bench.MarkdownCells.goalRow;
import static org.vigi2fa.bench.MarkdownCells.num;
import static org.vigi2fa.bench.MarkdownCells.yesNo;

import com.fasterxml.jackson.databind.JsonNode;

/** The headline first: the goals from server CPU next to throughput, or why this run gives none. */
final class HeadlineMarkdown {

    private HeadlineMarkdown() {
    }

    static void headline(StringBuilder md, JsonNode j) {
        JsonNode h = j.path("headline");
        JsonNode q = j.path("quiet_machine");
        md.append("## Headline\n\n");
        md.append("Load average ").append(q.path("load_average_before").asText("—")).append(" before the load run, ")
                .append(q.path("load_average_after").asText("—")).append(" after; other processes took ")
                .append(q.path("other_processes_share_of_capacity").isNumber()
                        ? String.format(java.util.Locale.ROOT, "%.1f %%", q.path("other_processes_share_of_capacity").asDouble() * 100) : "—")
                .append(" of the machine's CPU meanwhile (limit ")
                .append(String.format(java.util.Locale.ROOT, "%.0f %%", q.path("quiet_limit_share").asDouble(BusyCheck.QUIET_SHARE) * 100))
                .append(").\n\n");
        if (!h.path("given").asBoolean(false)) {
            md.append("**No headline from this run**: ").append(h.path("refused_because").asText()).append(". The figures below only show "
                    + "that the benchmark works; do not draw conclusions from them.\n\n");
            return;
        }
        JsonNode e = h.path("enrolment");
        md.append("| goal | measured | target | met |\n|---|---:|---:|---|\n");
        goalRow(md, "login ours ÷ built-in OTP, server CPU", h.path("login_cpu_ratio_vigi_over_builtin"), "≥ ");
        goalRow(md, "login ours ÷ built-in OTP, logins/s median", h.path("login_ratio_vigi_over_builtin"), "≥ ");
        goalRow(md, "login ours ÷ password only, server CPU", h.path("login_cpu_ratio_vigi_over_password"), "≥ ");
        md.append("| enrolment server CPU-ms: ours vs built-in ").append(num(e, "enrol_cpu_ms_builtin")).append(" + password check ")
                .append(num(e, "password_hash_cpu_ms")).append(" + 10 % | ").append(num(e, "enrol_cpu_ms_vigi")).append(" | ≤ ")
                .append(num(e, "limit_ms")).append(" | ").append(yesNo(e.path("meets_cpu_goal"))).append(" |\n");
        md.append("| enrolment ours ÷ built-in: enrolments/s ").append(num(e, "enrol_ratio_vigi_over_builtin_median")).append(" vs CPU ")
                .append(num(e, "enrol_cpu_ratio_vigi_over_builtin")).append(" | | within 10 % | ")
                .append(yesNo(e.path("throughput_within_10_percent_of_cpu_ratio"))).append(" |\n");
        md.append("| lost phone request → mail → confirm p95 under login load, ms | ")
                .append(num(h, "lost_phone_total_ms_p95_under_login_load")).append(" | reported | — |\n\n");
    }
}
