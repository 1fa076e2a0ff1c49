package dev.tablecloud.web.signin;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** A user name and password, with the address of the client that sent them (sign-in limits count per address). */
class ClientPasswordCredential extends UsernamePasswordCredential {

    private final String address;

    ClientPasswordCredential(String user, String password, String address) {
        super(user, new Password(password));
        this.address = address;
    }

    String address() {
        return address;
    }
}
