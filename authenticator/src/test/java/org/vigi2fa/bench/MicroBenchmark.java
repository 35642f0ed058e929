package org.vigi2fa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.TimeBasedOTP;
import org.keycloak.utils.TotpUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.testing.Totp;

/**
 * JMH micro-benchmarks of the per-request work of a code check and of QR rendering: Keycloak's own helpers next
 * to the paths the VIGI providers use. The realm is an in-memory stand-in built from realm-config/vigi-realm.json,
 * the way Keycloak's realm cache answers (no database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MicroBenchmark {

    private static final String SECRET = "bench-secret-20chars";

    private KeycloakSession request;
    private byte[] key;
    private String validCode;
    private String wrongCode;
    private RealmModel vigiRealm;
    private UserModel user;
    private OTPPolicy policy;
    private MethodHandle vigiQr;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        key = SECRET.getBytes(StandardCharsets.UTF_8);
        // The realm policy: HmacSHA1, 6 digits, 30 s, look-around 1 — what OTPCredentialProvider builds per check.
        policy = new OTPPolicy("totp", "HmacSHA1", 0, 6, 1, 30, false);
        vigiRealm = RealmStandIn.of(Path.of(System.getProperty("vigi.realm.file", "../realm-config/vigi-realm.json")), policy);
        vigiQr = enrolQrCode();
        request = SessionStandIn.fresh();
        TwoFactorSettings.of(request, vigiRealm);
        user = (UserModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUsername" -> "alice@example.test";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Setup(Level.Iteration)
    public void freshCode() {
        validCode = Totp.ofKey(key).now();
        wrongCode = validCode.equals("000000") ? "000001" : "000000";
    }

    /**
     * The TOTP check both code steps run (auth-otp-form and vigi-2fa-code both go through OTPCredentialProvider, which
     * makes a TimeBasedOTP per check): a valid code, found at the window's centre.
     */
    @Benchmark
    public boolean totpCheckValidCode() {
        return new TimeBasedOTP("HmacSHA1", 6, 30, 1).validateTOTP(validCode, key);
    }

    /** The same check with a wrong code, made the same way: it walks the whole look-around window (3 HMACs). */
    @Benchmark
    public boolean totpCheckWrongCode() {
        return new TimeBasedOTP("HmacSHA1", 6, 30, 1).validateTOTP(wrongCode, key);
    }

    /** The settings lookup as the first caller in a request makes it: walks the browser flow, keeps it in the session. */
    @Benchmark
    public TwoFactorSettings vigiSettingsFirstInRequest() {
        return TwoFactorSettings.of(SessionStandIn.fresh(), vigiRealm);
    }

    /** Every further lookup in the same request (about 8 call sites): a session attribute. */
    @Benchmark
    public TwoFactorSettings vigiSettingsLaterInRequest() {
        return TwoFactorSettings.of(request, vigiRealm);
    }

    /** "Does this realm use VIGI 2FA?" in a request that has asked before (the event listener, every DELETE). */
    @Benchmark
    public boolean vigiIsEnabledInLaterInRequest() {
        return TwoFactorSettings.isEnabledIn(request, vigiRealm);
    }

    /** Keycloak's QR for CONFIGURE_TOTP: otpauth URI + zxing PNG 246x246, error correction L (zxing's default) + Base64. */
    @Benchmark
    @SuppressWarnings("deprecation")
    public String qrKeycloakTotpUtils() {
        return TotpUtils.qrCode(SECRET, vigiRealm, user);
    }

    /** The same image as Keycloak's (246x246, L, 4-module quiet zone) drawn through the code path of our page. */
    @Benchmark
    public String qrZxingPngKeycloakSettings() throws WriterException, IOException {
        String uri = policy.getKeyURI("VIGI", "alice@example.test", SECRET);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 246, 246,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 4)), "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /**
     * The QR of our enrolment scan page (org.vigi2fa.enrol.QrCode.pngDataUri, package-private: called reflectively):
     * 240x240, error correction M, so that a reader copes with a worn screen; against the line above it shows what that
     * choice costs.
     */
    @Benchmark
    public String qrVigiEnrolPage() throws Throwable {
        if (vigiQr == null) {
            throw new IllegalStateException("org.vigi2fa.enrol.QrCode is not in this build");
        }
        return (String) vigiQr.invokeExact(policy.getKeyURI("VIGI", "alice@example.test", SECRET));
    }

    private static MethodHandle enrolQrCode() {
        try {
            Method method = Class.forName("org.vigi2fa.enrol.QrCode").getDeclaredMethod("pngDataUri", String.class);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))) {
            System.out.println("[bench] JMH micro-benchmarks skipped (-Dbench.jmh=false)");
            return;
        }
        boolean quick = Boolean.getBoolean("bench.quick");
        Path out = MicroResults.file();
        Files.createDirectories(out.getParent());
        Options options = new OptionsBuilder()
                .include(MicroBenchmark.class.getName() + "\\.")
                .forks(1)
                // The JIT compiles the hot paths (HMAC, zxing, the flow walk) within the first seconds; 5 x 2 s leaves
                // C2 done before the first measured iteration.
                .warmupIterations(quick ? 1 : 5).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Dvigi.realm.file=" + System.getProperty("vigi.realm.file", "../realm-config/vigi-realm.json"))
                .resultFormat(ResultFormatType.JSON).result(out.toString())
                .build();
        new Runner(options).run();
        System.out.println("[bench] JMH results in " + out);
    }

    /** A KeycloakSession that only keeps attributes, as a request's session does for the settings lookup. */
    static final class SessionStandIn {

        private SessionStandIn() {
        }

        static KeycloakSession fresh() {
            Map<String, Object> attributes = new java.util.HashMap<>();
            return (KeycloakSession) Proxy.newProxyInstance(SessionStandIn.class.getClassLoader(), new Class<?>[] {KeycloakSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> args.length == 2 ? ((Class<?>) args[1]).cast(attributes.get((String) args[0]))
                                : attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** A RealmModel that answers the flow, config and OTP-policy questions from the realm JSON, as the realm cache does. */
    static final class RealmStandIn {

        private RealmStandIn() {
        }

        static RealmModel of(Path realmFile, OTPPolicy policy) throws IOException {
            JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
            Map<String, AuthenticationFlowModel> flows = new LinkedHashMap<>();
            Map<String, List<AuthenticationExecutionModel>> executions = new LinkedHashMap<>();
            for (JsonNode f : realm.path("authenticationFlows")) {
                AuthenticationFlowModel flow = new AuthenticationFlowModel();
                flow.setId(f.path("alias").asText());
                flow.setAlias(f.path("alias").asText());
                flow.setTopLevel(f.path("topLevel").asBoolean());
                flows.put(flow.getId(), flow);
                List<AuthenticationExecutionModel> list = new java.util.ArrayList<>();
                for (JsonNode e : f.path("authenticationExecutions")) {
                    AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
                    execution.setId(flow.getId() + "/" + list.size());
                    execution.setParentFlow(flow.getId());
                    execution.setPriority(e.path("priority").asInt());
                    execution.setAuthenticatorFlow(e.path("authenticatorFlow").asBoolean());
                    if (execution.isAuthenticatorFlow()) {
                        execution.setFlowId(e.path("flowAlias").asText());
                    } else {
                        execution.setAuthenticator(e.path("authenticator").asText());
                    }
                    if (e.hasNonNull("authenticatorConfig")) {
                        execution.setAuthenticatorConfig(e.path("authenticatorConfig").asText());
                    }
                    list.add(execution);
                }
                executions.put(flow.getId(), list);
            }
            Map<String, AuthenticatorConfigModel> configs = new LinkedHashMap<>();
            for (JsonNode c : realm.path("authenticatorConfig")) {
                AuthenticatorConfigModel config = new AuthenticatorConfigModel();
                config.setId(c.path("alias").asText());
                config.setAlias(c.path("alias").asText());
                Map<String, String> values = new LinkedHashMap<>();
                c.path("config").fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
                config.setConfig(values);
                configs.put(config.getId(), config);
            }
            String browser = realm.path("browserFlow").asText();
            String display = realm.path("displayName").asText(realm.path("realm").asText());
            String name = realm.path("realm").asText();
            return (RealmModel) Proxy.newProxyInstance(RealmStandIn.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBrowserFlow" -> flows.get(browser);
                        case "getAuthenticationFlowById" -> flows.get((String) args[0]);
                        case "getAuthenticationExecutionsStream" -> executions.getOrDefault((String) args[0], List.of()).stream();
                        case "getAuthenticatorConfigById" -> configs.get((String) args[0]);
                        case "getDisplayName" -> display;
                        case "getName", "getId" -> name;
                        case "getOTPPolicy" -> policy;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "RealmStandIn[" + name + "]";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
