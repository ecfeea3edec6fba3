package dev.pygrade.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Candidates' links and instructors' tokens: 256 random bits from SecureRandom, URL-safe, with a
 * prefix saying what they are (so a secret scanner can spot one that leaked). Only their
 * SHA-256 is stored; a presented secret is hashed, the row found by that hash, and the hashes
 * compared again in constant time. A lookup by hash tells an attacker nothing useful about a
 * secret: finding a secret from its hash's first bytes is a preimage search.
 */
public final class Secrets {
    /** Prefix of a candidate's link token. */
    public static final String CANDIDATE = "pgc_";
    /** Prefix of an instructor's bearer token. */
    public static final String INSTRUCTOR = "pgi_";
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret(String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the secret's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** Whether two hex hashes are equal, in time that does not depend on where they differ. */
    static boolean sameHash(String expectedHex, String actualHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                actualHex.getBytes(StandardCharsets.US_ASCII));
    }

    /** A presented secret that cannot be one of ours is refused before any lookup. */
    static boolean plausible(String presented, String prefix) {
        return presented != null && presented.startsWith(prefix) && presented.length() <= 100;
    }
}
