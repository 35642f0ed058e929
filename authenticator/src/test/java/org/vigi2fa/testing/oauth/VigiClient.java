package org.vigi2fa.testing.oauth;

/** The five clients of realm-config/vigi-realm.json as tests use them (defaults of its placeholders). */
public enum VigiClient {
    VMS_CLOUD("vms-cloud", "vms-cloud-secret", "http://localhost:3000/callback", true),
    VMS_LOCAL("vms-local", "vms-local-secret", "https://localhost:8443/callback", true),
    VIGI_APP("vigi-app", null, "vigi-app://oauth/callback", true),
    CONFIG_TOOL("vigi-config-tool", null, null, false),
    PC_CLIENT("vms-pc-client", null, "http://127.0.0.1:53127/callback", true);

    public final String clientId;
    public final String secret;
    public final String redirectUri;
    public final boolean pkce;

    VigiClient(String clientId, String secret, String redirectUri, boolean pkce) {
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
        this.pkce = pkce;
    }
}
