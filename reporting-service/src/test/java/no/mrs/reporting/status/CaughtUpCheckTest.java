package no.mrs.reporting.status;

import no.mrs.reporting.access.ReportingConfig;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.projection.Leadership;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.Slot;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness: DOWN after start until the lag is at most the configured one, then UP for good (no Quarkus). */
class CaughtUpCheckTest {

    private long lag;

    @Test
    void aReplicaIsReadyOnlyOnceItHasCaughtUpAfterStartingAndStaysReadyThen() {
        CaughtUpCheck check = check(0);

        lag = 12;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(check.call().getData().orElseThrow()).containsEntry("lag", 12L);
        lag = 1;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        lag = 0;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        // a burst of events later does not take every replica out of the rotation at once
        lag = 5_000;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void theLagAllowedAtStartIsConfigurable() {
        CaughtUpCheck check = check(100);

        lag = 101;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        lag = 100;
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private CaughtUpCheck check(long maxLag) {
        CaughtUpCheck check = new CaughtUpCheck();
        check.lag = new ProjectionLag() {
            @Override
            public List<PartitionLag> partitions() {
                return List.of(new PartitionLag(new PartitionId("mrs.result-events", 0), null, lag, lag));
            }
        };
        check.models = new ReadModels() {
            @Override
            public Slot activeSlot() {
                return Slot.SLOT_A;
            }

            @Override
            public long generation() {
                return 0;
            }
        };
        check.leadership = new Leadership();
        check.config = new ReportingConfig() {
            @Override
            public boolean openReads() {
                return false;
            }

            @Override
            public String webAppUrl() {
                return "http://localhost:8080";
            }

            @Override
            public Replica replica() {
                return () -> Duration.ofSeconds(1);
            }

            @Override
            public Readiness readiness() {
                return new Readiness() {
                    @Override
                    public long maxLag() {
                        return maxLag;
                    }

                    @Override
                    public Duration loadWait() {
                        return Duration.ofSeconds(3);
                    }
                };
            }
        };
        return check;
    }
}
