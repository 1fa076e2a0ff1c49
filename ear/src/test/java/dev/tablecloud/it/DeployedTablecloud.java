package dev.tablecloud.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/** What every Arquillian test here shares: the EAR exactly as built, deployed on the managed WildFly. */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedTablecloud {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return TablecloudEar.asBuilt();
    }

    /** Where the deployed application answers. */
    @ArquillianResource
    URL deployment;
}
