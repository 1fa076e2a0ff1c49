package dev.tablecloud.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a mapping rewrites, and how. */
public enum MappingKind {

    /** One column's value, exactly: {@code instance.instance_type} {@code t3.micro} → {@code m5.large}. */
    VALUE,
    /** Every {@code region} column, exactly; zones of a mapped region follow unless a zone mapping says otherwise. */
    REGION,
    /** Every {@code availability_zone} column, exactly. */
    AVAILABILITY_ZONE,
    /**
     * Every block and address inside a block, in columns of type cidr or inet: {@code 10.80.0.0/16}
     * → {@code 10.90.0.0/16} moves the VPC and its subnets ({@code 10.80.1.0/24} → {@code 10.90.1.0/24}).
     */
    CIDR,
    /**
     * Names, by replacing each occurrence of a text: columns called {@code name} or {@code …_name}
     * and {@code Name} tags, or only the column a mapping names.
     */
    NAME;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MappingKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }
}
