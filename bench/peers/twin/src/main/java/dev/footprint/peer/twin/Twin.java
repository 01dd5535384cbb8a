package dev.footprint.peer.twin;

import java.util.zip.CRC32;

/** What the service's two measured endpoints answer, for the Java peers to serve through their framework. */
public final class Twin {

    /** GET /'s body (text/plain). */
    public static final String BODY = "footprint: ok\n";
    /** /work's 400 body (application/json) for a kib that is not an integer from 1 to 16384. */
    public static final String BAD_KIB = "{\"detail\":\"kib must be an integer from 1 to 16384\"}";
    private static final byte[] CHUNK = new byte[1024];

    static {
        for (int i = 0; i < CHUNK.length; i++) {
            CHUNK[i] = (byte) i;
        }
    }

    private Twin() {
    }

    /** The value of ?kib=, or 0 when it is not an integer from 1 to 16384. */
    public static int kib(String value) {
        if (value == null || !value.matches("\\d{1,5}")) {
            return 0;
        }
        int n = Integer.parseInt(value);
        return n <= 16384 ? n : 0;
    }

    /**
     * /work's crc32 field: kib separate 1 KiB buffers, each the bytes 0..255, and the CRC-32 of them in
     * order, in hex. Its 200 body, {"kib":N,"crc32":"..."}, each peer writes with its framework's JSON.
     */
    public static String checksum(int kib) {
        byte[][] chunks = new byte[kib][];
        for (int i = 0; i < kib; i++) {
            chunks[i] = CHUNK.clone();
        }
        CRC32 crc = new CRC32();
        for (byte[] c : chunks) {
            crc.update(c);
        }
        return Long.toHexString(crc.getValue());
    }
}
