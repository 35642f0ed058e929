package org.vigi2fa.compat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Finding a method only newer Keycloak releases have, and calling it without wrapping its exceptions. */
final class Reflection {

    private Reflection() {
    }

    /** The public method, or null when this Keycloak does not have it. */
    static Method find(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException olderKeycloak) {
            return null;
        }
    }

    /** Calls the method; what it throws is thrown as it is. */
    static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
