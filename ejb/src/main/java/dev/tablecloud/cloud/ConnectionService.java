package dev.tablecloud.cloud;

import dev.tablecloud.aws.AwsConnection;
import dev.tablecloud.aws.AwsCredentials;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.secret.SecretBox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.List;

/** An environment's AWS connection: its credentials, and a test that they reach the account. */
@Stateless
public class ConnectionService {

    @EJB
    Access access;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    EnvironmentService environments;

    public ConnectionSettings set(String environmentName, ConnectionSettings input) {
        access.require(environmentName, Role.ADMIN, "change the AWS connection");
        environments.get(environmentName);
        ConnectionSettings settings = ConnectionRules.normalize(input);
        String secret = settings.secretAccessKey() == null ? null
                : SecretBox.ofServer().encrypt(settings.secretAccessKey());
        EnvironmentConnection stored = em.find(EnvironmentConnection.class, environmentName);
        if (stored == null) {
            stored = new EnvironmentConnection(environmentName);
            stored.set(settings, secret);
            em.persist(stored);
        } else {
            stored.set(settings, secret);
        }
        return stored.shown();
    }

    /** The settings as they may be shown: the secret access key never leaves the server. */
    public ConnectionSettings get(String environmentName) {
        access.require(environmentName, Role.VIEWER, "see the AWS connection");
        environments.get(environmentName);
        EnvironmentConnection stored = em.find(EnvironmentConnection.class, environmentName);
        return stored == null ? new ConnectionSettings(ConnectionRules.DEFAULT_CHAIN, null, null, null, null)
                : stored.shown();
    }

    /** How the engine reaches the environment's account. */
    public AwsConnection connectionFor(String environmentName) {
        EnvironmentData environment = environments.lookup(environmentName);
        EnvironmentConnection stored = em.find(EnvironmentConnection.class, environmentName);
        return AwsConnection.of(environment.awsDefaultRegion(), environment.awsEndpoint(), credentials(stored));
    }

    private static AwsCredentials credentials(EnvironmentConnection stored) {
        if (stored == null || stored.credentialsType().equals(ConnectionRules.DEFAULT_CHAIN)) {
            return new AwsCredentials.DefaultChain();
        }
        if (stored.credentialsType().equals(ConnectionRules.ACCESS_KEY)) {
            return new AwsCredentials.AccessKey(stored.accessKeyId(),
                    SecretBox.ofServer().decrypt(stored.secretAccessKeyEncrypted()));
        }
        return new AwsCredentials.AssumeRole(stored.roleArn(), stored.externalId());
    }

    /**
     * Signs in (STS GetCallerIdentity) and checks that the default region is enabled for the
     * account (EC2 DescribeRegions). Failing is an answer, not an error.
     */
    public ConnectionTestResult test(String environmentName) {
        access.require(environmentName, Role.VIEWER, "test the AWS connection");
        AwsConnection connection = connectionFor(environmentName);
        try (var session = new AwsSession(connection)) {
            GetCallerIdentityResponse identity = session.call("sts", "GetCallerIdentity",
                    () -> session.client(StsClient.class).getCallerIdentity());
            List<Region> regions = session.call("ec2", "DescribeRegions",
                    () -> session.client(Ec2Client.class, regionThatAnswers(connection.region())).describeRegions(r -> r.allRegions(true))
                            .regions());
            boolean enabled = regions.stream().anyMatch(region -> region.regionName().equals(connection.region())
                    && !"not-opted-in".equals(region.optInStatus()));
            if (!enabled) {
                return ConnectionTestResult.failed(connection.region(), "Region " + connection.region()
                        + " is not enabled for account " + identity.account() + " (or does not exist).");
            }
            return new ConnectionTestResult(true, identity.account(), identity.arn(), connection.region(), null);
        } catch (TablecloudException failure) {
            return ConnectionTestResult.failed(connection.region(), failure.getMessage());
        }
    }

    /**
     * A disabled or unknown region cannot be asked about itself, so the account's regions are
     * listed where every account of the partition answers.
     */
    static String regionThatAnswers(String region) {
        if (region.startsWith("cn-") || region.startsWith("us-gov-")) {
            return region;
        }
        return "us-east-1";
    }
}
