package dev.tablecloud.security;

import java.security.SecureRandom;

/**
 * Passwords the server makes up for a new user, shown once to the admin who hands them on. Twenty
 * characters of an alphabet without look-alikes (no 0/O, 1/l/I), so they survive being read out.
 */
public final class NewPasswords {

    static final int LENGTH = 20;
    static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NewPasswords() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
