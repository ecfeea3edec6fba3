package dev.pygrade.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a context's stdout and stderr go: one capped buffer per step of a grading
 * (the import, then each check). Bytes past the cap are counted, not kept, so a
 * submission that prints gigabytes costs no memory; the text then ends with a notice.
 * Candidate output never reaches the grader's own streams.
 */
public final class OutputCapture {
    private volatile int capBytes;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long dropped;

    public OutputCapture(int capBytes) {
        this.capBytes = capBytes;
    }

    /** A reused context's next grading may allow a different amount of output. */
    public synchronized void limit(int bytes) {
        capBytes = bytes;
    }

    /** The stream to give the context, for stdout and stderr alike. */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                append(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                append(bytes, offset, length);
            }

            @Override
            public void close() {
                // a candidate closing sys.stdout must not close the capture
            }
        };
    }

    private synchronized void append(byte[] bytes, int offset, int length) {
        int room = capBytes - buffer.size();
        int kept = Math.max(0, Math.min(room, length));
        buffer.write(bytes, offset, kept);
        dropped += length - kept;
    }

    /** Ends the current step: answers its output and starts an empty buffer. */
    public synchronized String take() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[output truncated: " + dropped + " more bytes were printed; the limit is " + capBytes
                    + " bytes per check]";
        }
        buffer = new ByteArrayOutputStream();
        dropped = 0;
        return text;
    }
}
