package org.vigi2fa.bench;

import com.fasterxml.jackson.databind.JsonNode;

/** The cells of the benchmark tables: a figure, a list of figures, yes/no, and the goal and ratio rows. */
final class MarkdownCells {

    private MarkdownCells() {
    }

    static void goalRow(StringBuilder md, String label, JsonNode g, String op) {
        md.append("| ").append(label).append(" | ").append(num(g, "median")).append(" (").append(g.path("range").asText("—"))
                .append(") | ").append(op).append(num(g, "goal")).append(" | ").append(yesNo(g.path("meets_goal"))).append(" |\n");
    }

    static String yesNo(JsonNode value) {
        return value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : "—";
    }

    static String f(Double value) {
        return value == null ? "—" : BenchStats.fmt(value);
    }

    static String f(JsonNode value) {
        return value.isNumber() ? BenchStats.fmt(value.asDouble()) : "—";
    }

    static void ratioRow(StringBuilder md, String label, JsonNode r) {
        md.append("| ").append(label).append(" | ").append(num(r, "median")).append(" | ").append(num(r, "min")).append("..")
                .append(num(r, "max")).append(" | ").append(list(r.path("per_round"))).append(" | ")
                .append(r.has("goal") ? "≥ " + String.format(java.util.Locale.ROOT, "%.2f", r.path("goal").asDouble()) : "—").append(" | ")
                .append(!r.has("meets_goal") || r.path("meets_goal").isNull() ? "—" : r.path("meets_goal").asBoolean() ? "yes" : "no")
                .append(" |\n");
    }

    static String num(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? BenchStats.fmt(v.asDouble()) : "—";
    }

    static String list(JsonNode values) {
        StringBuilder out = new StringBuilder();
        values.forEach(v -> out.append(out.length() == 0 ? "" : ", ").append(v.isNumber() ? BenchStats.fmt(v.asDouble()) : "void"));
        return out.toString();
    }
}
