package io.zauth.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The fingerprint of the digest key the stored API-key digests were made with: one row, id 1. */
@Entity
@Table(name = "api_key_digest_key")
public class DigestKeyEntity extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public Integer id;

    @Column(nullable = false, length = 64)
    public String fingerprint;
}
