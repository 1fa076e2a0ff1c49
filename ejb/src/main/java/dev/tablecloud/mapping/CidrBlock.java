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
            if (bytes.length == 4 && address.contains(":")) {
                // InetAddress turns ::ffff:1.2.3.4 into the IPv4 address; PostgreSQL keeps it IPv6.
                bytes = mappedIpv4(bytes);
            }
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

    /**
     * As PostgreSQL writes a cidr or inet: {@code 10.90.1.0/24}, {@code 2a05:d018:bb:7::/64}. A mapped
     * value is compared with what the database and the cloud say (both write IPv6 that way), so a
     * spelling of its own, such as Java's {@code 2a05:d018:bb:7:0:0:0:0}, would look like a change.
     */
    String text(boolean withPrefix) {
        byte[] full = new byte[bits / 8];
        byte[] raw = network.toByteArray();
        int copy = Math.min(raw.length, full.length);
        System.arraycopy(raw, raw.length - copy, full, full.length - copy, copy);
        String address = bits == 32 ? ipv4(full, 0) : ipv6(full);
        return withPrefix ? address + "/" + prefix : address;
    }

    private static String ipv4(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    /**
     * PostgreSQL's rules (src/port/inet_net_ntop.c): lowercase hex groups without leading zeros; the
     * first longest run of at least two zero groups written as {@code ::}; an address whose first six
     * groups are zero, or five zero groups and ffff, ends in dotted IPv4 ({@code ::ffff:1.2.3.4}).
     */
    private static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        boolean embeddedIpv4 = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xffff));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            if (embeddedIpv4 && i == 6) {
                text.append(ipv4(bytes, 12));
                break;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    private static byte[] mappedIpv4(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }
}
