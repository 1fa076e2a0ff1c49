package dev.tablecloud.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestsTest {

    @Test
    void isTheSha256OfTheUtf8TextInLowercaseHex() {
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
