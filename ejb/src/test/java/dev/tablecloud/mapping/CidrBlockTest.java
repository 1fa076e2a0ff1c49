package dev.tablecloud.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CidrBlockTest {

    /** Each right-hand side is what PostgreSQL 15 printed for the left-hand side cast to cidr or inet. */
    @ParameterizedTest
    @CsvSource({
            "2a05:d018:bb:7:0:0:0:0/64, 2a05:d018:bb:7::/64",
            "2600:1F18::/32, 2600:1f18::/32",
            "::/0, ::/0",
            "::, ::",
            "::1, ::1",
            "::2, ::2",
            "1::, 1::",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "0:0:0:0:0:1:0:0, ::1:0:0",
            "0:0:2:3:4:5:6:7, ::2:3:4:5:6:7",
            "ABCD:0:0::1, abcd::1",
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "0:0:0:0:0:ffff:0:0, ::ffff:0.0.0.0",
            "::ffff:0:0/96, ::ffff:0.0.0.0/96",
            "::fffe:1:2, ::fffe:1:2",
            "0:0:0:0:0:0:1:2, ::0.1.0.2",
            "10.80.1.0/24, 10.80.1.0/24",
            "0.0.0.0/0, 0.0.0.0/0",
    })
    void aBlockIsWrittenAsPostgresqlWritesIt(String given, String postgresql) {
        CidrBlock block = CidrBlock.parse(given).orElseThrow();

        assertThat(block.text(given.contains("/"))).isEqualTo(postgresql);
    }

    @ParameterizedTest
    @CsvSource({
            "2600:1f18:aa::/48, 2600:1f18:aa:7::/64, 2a05:d018:bb::/48, 2a05:d018:bb:7::/64",
            "2600:1f18:aa::/48, 2600:1f18:aa:0:1::/80, 2a05:d018:bb::/48, 2a05:d018:bb:0:1::/80",
            "10.80.0.0/16, 10.80.17.0/24, 10.90.0.0/16, 10.90.17.0/24",
    })
    void aBlockMovedIntoAnotherIsWrittenAsPostgresqlWritesIt(String from, String inside, String to, String moved) {
        CidrBlock fromBlock = CidrBlock.parse(from).orElseThrow();

        assertThat(fromBlock.moved(CidrBlock.parse(inside).orElseThrow(), CidrBlock.parse(to).orElseThrow()).text(true))
                .isEqualTo(moved);
    }
}
