package org.vigi2fa.testing;

/** A user made for one test. */
public record TestUser(String id, String username, String email, String password) {
}
