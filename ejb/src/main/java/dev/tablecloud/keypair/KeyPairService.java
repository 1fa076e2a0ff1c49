package dev.tablecloud.keypair;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.awsec2.AwsEc2Module;
import dev.tablecloud.module.awsec2.KeyPairCalls;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.sync.SyncScope;
import dev.tablecloud.sync.SyncService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * key_pair_request and key_pair_import. Like IaSQL's RPCs they act at once, whether or not a
 * transaction is open: the key is in the cloud when the call returns, and its key_pair row is
 * written by the engine (origin engine, as a sync), so a commit has nothing to do for it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyPairService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    ConnectionService connections;

    @EJB
    SyncService sync;

    @Resource
    ManagedExecutorService executor;

    /** Makes a key pair in EC2 and returns its private key (PEM), which is kept nowhere. */
    public String request(String environment, String name, String region) {
        access.require(environment, Role.AUTHOR, "create key pairs");
        checkFree(environment, name, region);
        try (AwsSession aws = new AwsSession(connections.connectionFor(environment), executor)) {
            KeyPairCalls.Requested requested = KeyPairCalls.request(aws, name, region);
            writeRow(environment, requested.resource());
            return requested.privateKey();
        }
    }

    /** Imports a public key into EC2 as a key pair. */
    public void importKey(String environment, String name, String publicKey, String region) {
        access.require(environment, Role.AUTHOR, "import key pairs");
        if (publicKey == null || publicKey.isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("public_key",
                    "key_pair_import needs the public key, e.g. the contents of ~/.ssh/id_ed25519.pub.")));
        }
        checkFree(environment, name, region);
        try (AwsSession aws = new AwsSession(connections.connectionFor(environment), executor)) {
            writeRow(environment, KeyPairCalls.importKey(aws, name, publicKey, region));
        }
    }

    /**
     * Before the cloud call, so that a row the sync could not write never follows a key made for
     * good: the region must be the account's, and no row may hold the name there already (a row
     * inserted in the open transaction would be made by its commit).
     */
    private void checkFree(String environment, String name, String region) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("name", "A key pair needs a name.")));
        }
        try (Connection engine = databases.openAsEngine(environment);
             PreparedStatement query = engine.prepareStatement("select exists (select from aws_regions where region = ?),"
                     + " exists (select from key_pair where name = ? and region = ?)")) {
            query.setString(1, region);
            query.setString(2, name);
            query.setString(3, region);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new InvalidInputException(List.of(new FieldError("region", "No region '" + region
                            + "' in aws_regions: select region from aws_regions lists the account's regions.")));
                }
                if (row.getBoolean(2)) {
                    throw new AlreadyExistsException("A key_pair row named '" + name + "' exists in " + region
                            + " already.");
                }
            }
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /** The key's row, as a sync of just that key writes it. */
    private void writeRow(String environment, CloudResource key) {
        sync.sync(environment, SyncScope.ofCommit()
                .touched(ModuleCatalog.get(AwsEc2Module.NAME).table("key_pair"), key.cloudId(), key.region())
                .build());
    }
}
