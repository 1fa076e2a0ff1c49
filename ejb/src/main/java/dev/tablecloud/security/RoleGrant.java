package dev.tablecloud.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One role of one user, in one environment or (environment null) in all of them. */
@Entity
@Table(name = "role_grant")
class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(name = "environment_name")
    private String environmentName;

    @Column(nullable = false)
    private String role;

    protected RoleGrant() {
    }

    RoleGrant(String userName, String environmentName, Role role) {
        this.userName = userName;
        this.environmentName = environmentName;
        this.role = role.label();
    }

    String userName() {
        return userName;
    }

    GrantData toData() {
        return new GrantData(environmentName, Role.ofLabel(role).label());
    }
}
