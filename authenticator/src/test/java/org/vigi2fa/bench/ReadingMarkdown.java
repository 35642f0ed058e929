package org.vigi2fa.bench;

import static org.vigi2fa.bench.MarkdownCells.f;

import com.fasterxml.jackson.databind.JsonNode;

/** The reading of the results: figures from the step profile that explain the ratios, and the setup they ran on. */
final class ReadingMarkdown {

    private ReadingMarkdown() {
    }

    /** Figures that explain the ratios, taken from the step profile; interpretation that holds for any run. */
    static void reading(StringBuilder md, JsonNode j) {
        JsonNode p = j.path("step_profile");
        Double builtinPage = cpu(p, "login builtin", "#2 POST"), vigiPage = cpu(p, "login vigi", "#2 POST");
        Double builtinCode = cpu(p, "login builtin", "#3 POST"), vigiCode = cpu(p, "login vigi", "#3 POST");
        md.append("- **Login.** Both code steps run Keycloak's own OTP check (`OTPCredentialProvider` → `TimeBasedOTP`, about a "
                + "microsecond per check in the JMH table) and the single-use store; ours adds its template, input normalisation, "
                + "a check that the credential is the user's, and a one-check-per-second gate (one more single-use-store entry). Server CPU per request, one login at a time: password POST that renders the "
                + "code page ").append(f(builtinPage)).append(" (built-in) vs ").append(f(vigiPage)).append(" (ours) ms; code POST ")
                .append(f(builtinCode)).append(" vs ").append(f(vigiCode)).append(" ms. The password hash dominates every login: "
                + "the password-only flow costs ").append(f(j.path("login").path("per_flow").path("password").path("server_cpu_ms_per_login_median")))
                .append(" CPU-ms per login in the load blocks.\n");
        Double builtinEnrol = total(p, "enrol builtin CONFIGURE_TOTP"), vigiEnrol = total(p, "enrol vigi vigi-2fa-enable");
        Double scan = cpu(p, "enrol vigi vigi-2fa-enable", "#4 POST"), vigiEnd = cpu(p, "enrol vigi vigi-2fa-enable", "#5 POST");
        Double builtinEnd = cpu(p, "enrol builtin CONFIGURE_TOTP", "#3 POST");
        Double confirm = cpu(p, "enrol vigi vigi-2fa-enable", "#2 POST"), builtinSetup = cpu(p, "enrol builtin CONFIGURE_TOTP", "#2 POST");
        md.append("- **Enrolment.** Ours has two more requests than `CONFIGURE_TOTP` and does two things the product requires "
                + "and Keycloak's does not: it checks the password again (a second password hash, PRODUCT.md: \"always, even seconds "
                + "after login\") and mails \"2FA turned on\" — after the commit, on Keycloak's executor, so the page does not wait for "
                + "SMTP (the mail's CPU is still the server's). One enrolment at a time: ").append(f(vigiEnrol)).append(" vs ")
                .append(f(builtinEnrol)).append(" server CPU-ms in all. The sign-in POST that shows the first page: ").append(f(confirm))
                .append(" (ours, the confirm page listing the realm's applications) vs ").append(f(builtinSetup))
                .append(" ms (Keycloak's setup page with its QR). The password re-confirmation (which also renders the QR) ")
                .append(f(scan)).append(" ms; the final code POST, which stores the credential, ends the older sessions, sets "
                + "not-before and queues the mail, ").append(f(vigiEnd))
                .append(" vs ").append(f(builtinEnd)).append(" ms for Keycloak's final POST. The QR itself is a few ms (JMH).\n");
        md.append("- **Noise.** ").append("Load average ").append(j.path("machine").path("load_average_at_start").asText()).append(" at start, ")
                .append(j.path("machine").path("load_average_at_end").asText()).append(" at end on ")
                .append(j.path("machine").path("cores_visible").asText()).append(" cores. Absolute rates move with whatever else runs on the "
                + "machine; the ratios compare blocks of one round, seconds apart, and their range shows how much that noise moved them.\n");
    }

    static void setup(StringBuilder md, JsonNode j) {
        md.append("- Provider built from commit `").append(j.path("provider_commit").asText()).append("`\n");
        md.append("- Keycloak: ").append(j.path("keycloak").path("version").asText()).append(" — ")
                .append(j.path("keycloak").path("mode").asText()).append("\n");
        md.append("- Keycloak JVM: ").append(j.path("keycloak").path("jvm").asText()).append("\n");
        md.append("- Realms: ").append(j.path("keycloak").path("realms").asText()).append("; password hashing: ")
                .append(j.path("keycloak").path("password_hashing").asText()).append("\n");
        JsonNode m = j.path("machine");
        md.append("- Machine: ").append(m.path("cpu_model").asText()).append(", ").append(m.path("cores_visible").asText())
                .append(" cores visible, ").append(m.path("memory_total").asText()).append(", ").append(m.path("os").asText())
                .append("; load average at start ").append(m.path("load_average_at_start").asText()).append(", at end ")
                .append(m.path("load_average_at_end").asText()).append("\n");
        md.append("- Driver: ").append(j.path("driver").path("kind").asText()).append("; ")
                .append(j.path("driver").path("virtual_users").asText()).append(" virtual users; ")
                .append(j.path("machine").path("driver_jvm").asText()).append("\n");
        md.append("- Login = ").append(j.path("driver").path("login_definition").asText()).append("\n");
        md.append("- Warm-up ").append(j.path("driver").path("warmup_seconds_per_flow").asText()).append(" s per flow; ")
                .append(j.path("driver").path("login_rounds").asText()).append(" login rounds of ")
                .append(j.path("driver").path("login_block_seconds").asText()).append(" s blocks per flow; ")
                .append(j.path("driver").path("users_per_2fa_realm").asText()).append(" users per 2FA realm, so none signs in twice in a TOTP period\n");
    }

    private static Double cpu(JsonNode profile, String journey, String stepPrefix) {
        for (JsonNode r : profile.path(journey)) {
            if (r.path("step").asText().startsWith(stepPrefix)) {
                return r.path("server_cpu_ms_mean").isNumber() ? r.path("server_cpu_ms_mean").asDouble() : null;
            }
        }
        return null;
    }

    private static Double total(JsonNode profile, String journey) {
        if (!profile.path(journey).isArray() || profile.path(journey).isEmpty()) {
            return null;
        }
        double sum = 0;
        for (JsonNode r : profile.path(journey)) {
            sum += r.path("server_cpu_ms_mean").asDouble();
        }
        return sum;
    }
}
