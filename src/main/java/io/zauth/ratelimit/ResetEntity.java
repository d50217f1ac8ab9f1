package io.zauth.ratelimit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a bucket was last reset by an administrator or a password change. */
@Entity
@Table(name = "rate_limit_reset")
public class ResetEntity extends PanacheEntityBase {

    @Id
    @Column(length = 128)
    public String bucket;

    @Column(name = "reset_at", nullable = false)
    public Instant resetAt;
}
