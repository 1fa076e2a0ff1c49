package dev.tablecloud.mapping;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 block, {@code 10.80.0.0/16}: what a {@code cidr} mapping moves, and the blocks and
 * addresses inside it that move along ({@code 10.80.1.0/24} → {@code 10.90.1.0/24}).
 */
record CidrBlock(BigInteger network, int prefix, int bits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** A block or an address (an address is its own block: /32, /128); empty if it is neither. */
    static Optional<CidrBlock> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        // Only literals reach InetAddress, which would otherwise look a host name up.
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = bytes.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new CidrBlock(new BigInteger(1, bytes), prefix, bits));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether no address bit is set below the prefix (10.80.0.0/16, not 10.80.1.0/16). */
    boolean isNetwork() {
        return network.and(hostMask()).signum() == 0;
    }

    /** The block's first address: {@code 10.80.0.0/16} for {@code 10.80.1.0/16}. */
    String masked() {
        return new CidrBlock(network.andNot(hostMask()), prefix, bits).text(true);
    }

    /** Whether {@code other} lies inside this block. */
    boolean contains(CidrBlock other) {
        return other.bits == bits && other.prefix >= prefix
                && other.network.andNot(hostMask()).equals(network.andNot(hostMask()));
    }

    /** {@code inside} moved from this block to {@code target}, keeping its place and size in the block. */
    CidrBlock moved(CidrBlock inside, CidrBlock target) {
        return new CidrBlock(target.network.andNot(hostMask()).or(inside.network.and(hostMask())), inside.prefix, bits);
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    /** As PostgreSQL writes a cidr: {@code 10.90.1.0/24}. */
    String text(boolean withPrefix) {
        byte[] full = new byte[bits / 8];
        byte[] raw = network.toByteArray();
        int copy = Math.min(raw.length, full.length);
        System.arraycopy(raw, raw.length - copy, full, full.length - copy, copy);
        try {
            String address = InetAddress.getByAddress(full).getHostAddress();
            return withPrefix ? address + "/" + prefix : address;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
