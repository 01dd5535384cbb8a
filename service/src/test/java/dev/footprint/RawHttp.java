package dev.footprint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: it writes exactly the bytes
 * given and reads what comes back until the server closes the connection or the time runs out.
 */
final class RawHttp implements AutoCloseable {

    /** A response as read off the wire; {@code status} is -1 when nothing arrived. */
    record Response(int status, String head, String body) {
    }

    private final Socket socket;

    RawHttp(URI target, int timeoutMs) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
        socket.setSoTimeout(timeoutMs);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Everything until the server closes, or until the timeout (then what arrived so far). */
    String readAll() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                buf.write(b, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the server kept the connection open; return what it sent
        } catch (IOException e) {
            // reset by the server: what arrived before counts
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the server closed the connection within the socket's timeout. */
    boolean closedByServer() throws IOException {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain whatever the server still sends
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** The responses in {@code text}, in order (several when requests were pipelined). */
    static List<Response> parse(String text) {
        List<Response> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int headEnd = text.indexOf("\r\n\r\n", at);
            if (!text.startsWith("HTTP/", at) || headEnd < 0) {
                break;
            }
            String head = text.substring(at, headEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            int bodyEnd = Math.min(text.length(), headEnd + 4 + length);
            out.add(new Response(status, head, text.substring(headEnd + 4, bodyEnd)));
            at = bodyEnd;
        }
        if (out.isEmpty()) {
            out.add(new Response(-1, "", text));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
