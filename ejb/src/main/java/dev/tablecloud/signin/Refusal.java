package dev.tablecloud.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One refused sign-in, as recorded for admins. Only this package touches it. */
@Entity
@Table(name = "sign_in_refusal")
class Refusal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String reason;

    protected Refusal() {
    }

    Refusal(Instant at, String userName, String address, String reason) {
        this.at = at;
        this.userName = userName;
        this.address = address;
        this.reason = reason;
    }

    RefusalData toData() {
        return new RefusalData(at, userName, address, reason);
    }
}
