package io.zauth.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.hibernate.annotations.DynamicUpdate;

/** Updates write only changed columns, so a profile change never undoes a concurrent key conversion. */
@Entity
@DynamicUpdate
@Table(name = "zauth_user")
public class UserEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id", nullable = false)
    public long organizationId;

    /** Delivery email as given; {@link #emailKey} is its case-folded form for look-ups. */
    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "email_key", nullable = false, length = 254)
    public String emailKey;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public int role;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "date_joined", nullable = false)
    public Instant dateJoined;

    /** Django-format hash; null means no usable password. */
    @Column(name = "password_hash", length = 512)
    public String passwordHash;

    @Column(name = "password_reset_required", nullable = false)
    public boolean passwordResetRequired;

    /** HMAC-SHA-256 of the API key under the server's digest key: finds the user by key. */
    @Column(name = "api_key_digest", unique = true, length = 64)
    public String apiKeyDigest;

    /** The API key sealed with the server's encryption key, so that fetch_api_key returns it again. */
    @Column(name = "api_key_sealed", length = 128)
    public String apiKeySealed;

    /** A plaintext key stored before V3; key.PlaintextKeyConversion protects it and clears this. */
    @Column(name = "api_key", length = 32)
    public String legacyPlaintextApiKey;

    @Column(nullable = false, length = 64)
    public String timezone = "";

    /** The non-email username of the last directory login, accepted by HTTP Basic beside the email. */
    @Column(name = "directory_username", length = 255)
    public String directoryUsername;

    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** @param apiKey the opened key, or null when it does not open */
    UserAccount toView(String apiKey) {
        return new UserAccount(id, organizationId, email, fullName, Role.ofZulipValue(role), active, dateJoined,
                passwordHash, passwordResetRequired, apiKey, timezone, directoryUsername);
    }
}
