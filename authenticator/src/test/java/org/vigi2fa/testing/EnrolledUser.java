package org.vigi2fa.testing;

/** A test user with an OTP credential and the generator of its codes. */
public record EnrolledUser(TestUser user, Totp totp) {
}
