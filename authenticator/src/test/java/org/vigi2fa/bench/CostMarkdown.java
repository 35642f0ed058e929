package org.vigi2fa.bench;

import static org.vigi2fa.bench.MarkdownCells.num;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the cost goes: the lost-phone round trip, the step profile, the code page alone, the JMH table. */
final class CostMarkdown {

    private CostMarkdown() {
    }

    static void lostPhone(StringBuilder md, JsonNode j) {
        JsonNode lost = j.path("lost_phone");
        md.append("\n## Lost-phone round trip (request → mail → confirm)\n\n");
        if (!lost.path("measured").asBoolean()) {
            md.append("Not measured: ").append(lost.path("reason").asText()).append("\n");
        } else {
            md.append(lost.path("definition").asText()).append("\n\n");
            md.append("| round trips | total p50 / p95 ms | request p50 ms | mail arrives p50 ms | confirm p50 ms |\n|---:|---:|---:|---:|---:|\n");
            md.append("| ").append(lost.path("round_trips").asText()).append(" | ").append(num(lost, "total_ms_p50")).append(" / ")
                    .append(num(lost, "total_ms_p95")).append(" | ").append(num(lost, "request_ms_p50")).append(" | ")
                    .append(num(lost, "mail_ms_p50")).append(" | ").append(num(lost, "confirm_ms_p50")).append(" |\n");
            JsonNode loaded = lost.path("under_login_load");
            md.append("\nUnder load (").append(loaded.path("definition").asText()).append(", ")
                    .append(num(loaded, "load_logins_per_s")).append(" logins/s): ").append(loaded.path("round_trips").asText())
                    .append(" round trips, total p50 / p95 ").append(num(loaded, "total_ms_p50")).append(" / ")
                    .append(num(loaded, "total_ms_p95")).append(" ms; load block ").append(loaded.path("load_block").asText()).append(".\n");
            if (lost.path("errors").size() > 0) {
                md.append("\nErrors: ").append(lost.path("errors").toString()).append("\n");
            }
        }
    }

    static void stepProfile(StringBuilder md, JsonNode j) {
        JsonNode profile = j.path("step_profile");
        md.append("\n## Where the cost goes (one journey at a time)\n\n");
        if (profile.isEmpty()) {
            md.append("Not measured in this run.\n");
        } else {
            md.append("Server CPU-ms around each request (kernel ticks of 10 ms, averaged) and its latency, journeys run one at a time.\n\n");
            md.append("| journey | request | count | latency ms (mean) | server CPU-ms (mean) |\n|---|---|---:|---:|---:|\n");
            profile.fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(r -> md.append("| ").append(e.getKey()).append(" | ").append(r.path("step").asText()).append(" | ")
                            .append(r.path("count").asText()).append(" | ").append(num(r, "latency_ms_mean")).append(" | ")
                            .append(num(r, "server_cpu_ms_mean")).append(" |\n"));
                } else {
                    md.append("| ").append(e.getKey()).append(" | not measured: ").append(e.getValue().path("error").asText()).append(" | | | |\n");
                }
            });
        }
    }

    static void codePageRender(StringBuilder md, JsonNode j) {
        JsonNode render = j.path("code_page_render");
        if (!render.isEmpty()) {
            md.append("\nThe code page alone (reloaded after the password step, so no password hash): \n\n"
                    + "| code page | reloads | latency p50 ms | server CPU-ms (mean) | note |\n|---|---:|---:|---:|---|\n");
            render.fields().forEachRemaining(e -> md.append("| ").append(e.getKey().equals("vigi") ? "ours (`vigi-2fa-code.ftl`)" : "built-in (`login-otp.ftl`)")
                    .append(" | ").append(e.getValue().path("reloads").asText()).append(" | ").append(num(e.getValue(), "latency_ms_p50"))
                    .append(" | ").append(num(e.getValue(), "server_cpu_ms_mean")).append(" | ")
                    .append(e.getValue().path("error").asText("")).append(" |\n"));
        }
    }

    static void micro(StringBuilder md, JsonNode j) {
        JsonNode micro = j.path("micro");
        md.append("\n## Micro-benchmarks (JMH)\n\n");
        if (!micro.path("measured").asBoolean()) {
            md.append("Not measured: ").append(micro.path("reason").asText()).append("\n");
        } else {
            md.append("| benchmark | score | ± error | unit |\n|---|---:|---:|---|\n");
            micro.path("results").forEach(r -> md.append("| `").append(r.path("benchmark").asText()).append("` | ")
                    .append(num(r, "score")).append(" | ").append(num(r, "error")).append(" | ").append(r.path("unit").asText()).append(" |\n"));
        }
    }
}
