package org.vigi2fa.activity;

/** One recorded security event as the rest of the product reads it (Keycloak's time in milliseconds). */
public record Activity(String id, long createdAt, String kind, String clientId, String credentialId, String device,
        String ipAddress, String deviceId) {

    static Activity of(ActivityEntity row) {
        return new Activity(row.id, row.createdAt, row.kind, row.clientId, row.credentialId, row.device, row.ipAddress, row.deviceId);
    }
}
