package dev.tablecloud.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The EAR this build produced, exactly as it ships. */
final class TablecloudEar {

    private TablecloudEar() {
    }

    static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("tablecloud.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("The EAR " + ear + " is missing: run the package phase first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The moto server config/test started: one emulated AWS account. */
    static String motoUrl() {
        String url = System.getenv("TABLECLOUD_TEST_MOTO_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("TABLECLOUD_TEST_MOTO_URL is not set: run the tests with config/test");
        }
        return url;
    }
}
