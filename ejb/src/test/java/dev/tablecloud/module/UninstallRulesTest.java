package dev.tablecloud.module;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UninstallRulesTest {

    private static final List<String> INSTALLED = List.of("aws_account", "aws_vpc", "aws_security_group", "aws_ec2");

    @Test
    void aModuleOthersDependOnNamesThemAndSaysToUninstallThemFirst() {
        assertThat(UninstallRules.refusal("aws_vpc", List.of("aws_vpc"), INSTALLED)).contains(
                "Module aws_vpc cannot be uninstalled: aws_security_group, aws_ec2 depend on it. Uninstall them first.");
        assertThat(UninstallRules.refusal("aws_vpc", List.of("aws_vpc", "aws_security_group"), INSTALLED)).contains(
                "Module aws_vpc cannot be uninstalled: aws_ec2 depends on it. Uninstall it first, or with it in the same call.");
    }

    @Test
    void aModuleWhoseDependentsGoWithItOrNobodyNeedsMayGo() {
        assertThat(UninstallRules.refusal("aws_ec2", List.of("aws_ec2"), INSTALLED)).isEmpty();
        assertThat(UninstallRules.refusal("aws_vpc", List.of("aws_vpc", "aws_security_group", "aws_ec2"), INSTALLED))
                .isEmpty();
    }

    @Test
    void theBaseModuleNeverGoesEvenWhenNothingNeedsIt() {
        assertThat(UninstallRules.refusal("aws_account", List.of("aws_account"), List.of("aws_account")))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Module aws_account cannot be uninstalled: it is the base of every environment"));
        assertThat(UninstallRules.refusal("aws_account", List.of("aws_account"), List.of("aws_account", "aws_s3")))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Module aws_account cannot be uninstalled: aws_s3 depends on it, and it is the base"));
        assertThat(UninstallRules.refusal("aws_account", List.copyOf(INSTALLED), INSTALLED)).isPresent();
    }

    @Test
    void aModuleNotInstalledHasNoRefusalHere() {
        assertThat(UninstallRules.refusal("aws_s3", List.of("aws_s3"), INSTALLED)).isEmpty();
    }
}
