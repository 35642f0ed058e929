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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
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
}
