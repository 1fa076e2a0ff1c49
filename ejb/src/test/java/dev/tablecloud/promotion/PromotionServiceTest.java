package dev.tablecloud.promotion;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionServiceTest {

    private static Promotion promotion(String source, String target) {
        return new Promotion(new PromotionSchedule(null, "UTC", null), source, target, PromotionData.MANUAL, "admin",
                Instant.EPOCH);
    }

    @Test
    void aPromotionBackAlongAChainWouldReplayChangesWhereTheyCameFrom() {
        List<Promotion> chain = List.of(promotion("dev", "staging"), promotion("staging", "prod"));

        assertThat(PromotionService.reaches(chain, "dev", "prod")).isTrue();
        assertThat(PromotionService.reaches(chain, "prod", "dev")).isFalse();
        assertThat(PromotionService.reaches(chain, "staging", "dev")).isFalse();
        assertThat(PromotionService.reaches(chain, "qa", "prod")).isFalse();
    }
}
