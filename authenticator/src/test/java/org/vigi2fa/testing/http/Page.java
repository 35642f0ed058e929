package org.vigi2fa.testing.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a {@link WebSession} request ended on: a page of the server, or a redirect that left it
 * (e.g. back to a client's redirect URI with code or kc_action_status).
 */
public final class Page {

    private final int status;
    private final String url;
    private final String body;
    private final String leftTo;
    private Document document;

    Page(int status, String url, String body, String leftTo) {
        this.status = status;
        this.url = url;
        this.body = body;
        this.leftTo = leftTo;
    }

    public int status() {
        return status;
    }

    public String url() {
        return url;
    }

    public String body() {
        return body;
    }

    /** Where the server redirected out of itself, or null when this is a page. */
    public String redirect() {
        return leftTo;
    }

    public boolean isRedirect() {
        return leftTo != null;
    }

    /** Query parameters of the outgoing redirect (fragment parameters too). */
    public Map<String, String> redirectParams() {
        if (leftTo == null) {
            throw new IllegalStateException("Not a redirect out of the server: HTTP " + status + " page " + pageId());
        }
        URI uri = URI.create(leftTo);
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : new String[] {uri.getRawQuery(), uri.getRawFragment()}) {
            params.putAll(WebSession.decode(part));
        }
        return params;
    }

    public Document document() {
        if (document == null) {
            document = WebSession.parse(body, url);
        }
        return document;
    }

    /** Keycloak's page id: "login-" + template name without .ftl (from data-page-id), or "" when absent. */
    public String pageId() {
        Element bodyElement = document().body();
        return bodyElement == null ? "" : bodyElement.attr("data-page-id");
    }

    public Element form(String cssSelector) {
        Element form = document().selectFirst(cssSelector);
        if (form == null) {
            throw new AssertionError("No " + cssSelector + " on page " + pageId() + " (HTTP " + status + ")\n" + text());
        }
        return form;
    }

    /** The visible text of the page. */
    public String text() {
        return document().text();
    }

    /** Keycloak's feedback message (alert) and field errors, joined. */
    public String messages() {
        return String.join(" | ", document().select(".pf-v5-c-alert__title, .kc-feedback-text, [id^=input-error], .alert, #kc-error-message, .pf-c-alert__title")
                .eachText());
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + (leftTo != null ? "-> " + leftTo : pageId() + " " + url);
    }
}
