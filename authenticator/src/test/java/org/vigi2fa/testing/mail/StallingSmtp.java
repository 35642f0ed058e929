package org.vigi2fa.testing.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A slow or broken mail server for tests, in front of the suite's GreenMail: a TCP relay that holds every SMTP
 * conversation for a while before GreenMail's greeting reaches the client, and writes {@link #DATA} into its event
 * list when a message's DATA command passes; or a server that refuses every conversation. A test writes its own
 * events into the same list ({@link #note}), so the order of the two proves what waited for what.
 */
public final class StallingSmtp implements AutoCloseable {

    /** The event written when a client's DATA command reaches the relay. */
    public static final String DATA = "smtp DATA";

    private final ServerSocket listener;
    private final Duration stall;
    private final int targetPort;
    private final List<String> events = new ArrayList<>();

    private StallingSmtp(Duration stall, int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
        this.stall = stall;
        this.targetPort = targetPort;
        Thread accepting = new Thread(this::accept, "stalling-smtp");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Relays to GreenMail on {@code targetPort}, each conversation held {@code stall} first. */
    public static StallingSmtp stalling(int targetPort, Duration stall) {
        try {
            return new StallingSmtp(stall, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every conversation with a permanent failure (554), so every mail fails. */
    public static StallingSmtp refusing() {
        return stalling(-1, Duration.ZERO);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Adds a test's own event to the list, after every event so far. */
    public synchronized void note(String event) {
        events.add(event);
    }

    /** The events so far, in the order they happened. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread conversation = new Thread(() -> converse(client), "stalling-smtp-conversation");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            if (targetPort < 0) {
                client.getOutputStream().write("554 5.3.0 This test's mail server refuses all mail\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                return;
            }
            Thread.sleep(stall.toMillis());
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                Thread back = new Thread(() -> copy(server, client), "stalling-smtp-back");
                back.setDaemon(true);
                back.start();
                forwardNotingData(client.getInputStream(), server.getOutputStream());
                back.join();
            }
        } catch (IOException e) {
            // the client or GreenMail hung up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Client to server, line by line as the bytes pass, noting each DATA command. */
    private void forwardNotingData(InputStream in, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                out.flush();
                if (line.toString().trim().equalsIgnoreCase("DATA")) {
                    note(DATA);
                }
                line.setLength(0);
            } else if (line.length() < 16) {
                line.append((char) b);
            }
        }
        out.flush();
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side hung up
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
