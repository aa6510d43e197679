package dev.tandem.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

    @Test
    void criteriaWithoutAValueAreLeftOutAndThePositionGoesWithTheOrder() {
        Instant at = Instant.parse("2026-12-05T10:15:30Z");
        var query = new NewestFirst("SELECT r FROM TransferRecord r", "r.createdAt", "r.id")
                .where("r.status = :status", "status", null)
                .where("r.mode = :mode", "mode", "SYNC")
                .after(new Position(at, "b"));

        assertThat(query.jpql()).isEqualTo("SELECT r FROM TransferRecord r WHERE r.mode = :mode AND (r.createdAt < :afterAt"
                + " OR (r.createdAt = :afterAt AND r.id < :afterId)) ORDER BY r.createdAt DESC, r.id DESC");
        assertThat(query.parameters()).containsOnlyKeys("mode", "afterAt", "afterId").containsEntry("afterAt", at)
                .containsEntry("afterId", "b");
    }

    @Test
    void theFirstPageWithoutCriteriaHasNoConditions() {
        var query = new NewestFirst("SELECT e FROM LedgerEntry e", "e.postedAt", "e.id").after(null);

        assertThat(query.jpql()).isEqualTo("SELECT e FROM LedgerEntry e ORDER BY e.postedAt DESC, e.id DESC");
        assertThat(query.parameters()).isEmpty();
    }
}
