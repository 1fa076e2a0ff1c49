package dev.tablecloud.secret;

import dev.tablecloud.failure.ServerSetupException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts and decrypts short secrets with AES-256-GCM. The stored form is base64 of
 * nonce + ciphertext + tag, so a changed or foreign value fails to decrypt instead of yielding
 * garbage.
 */
public final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32}) */
    public static SecretBox withKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new ServerSetupException("No secret key is configured: set TABLECLOUD_SECRET_KEY to 32 random bytes"
                    + " in base64 (openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new ServerSetupException("TABLECLOUD_SECRET_KEY is not base64");
        }
        if (key.length != 32) {
            throw new ServerSetupException("TABLECLOUD_SECRET_KEY must hold 32 bytes, it holds " + key.length);
        }
        return new SecretBox(key);
    }

    /** The box with the server's key (system property tablecloud.secret.key, set from the environment). */
    public static SecretBox ofServer() {
        return withKey(System.getProperty("tablecloud.secret.key"));
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new ServerSetupException("A stored secret cannot be decrypted: was TABLECLOUD_SECRET_KEY changed?");
        }
    }

    /** A random password for a generated database role: 32 characters, letters and digits. */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
