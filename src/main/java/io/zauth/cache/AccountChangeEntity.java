package io.zauth.cache;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to a user or to an organization; instances read them by id ({@link ChangeCursor}). */
@Entity
@Table(name = "account_change")
public class AccountChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id")
    public Long organizationId;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "changed_at", insertable = false, updatable = false)
    public Instant changedAt;
}
