package dev.tablecloud.web.ui.environment;

import dev.tablecloud.install.ModuleStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesCardTest {

    @Test
    void namesTheInstalledModulesThatNeedOne() {
        List<ModuleStatus> all = List.of(
                new ModuleStatus("aws_vpc", "1", List.of("aws_account"), true),
                new ModuleStatus("aws_ec2", "1", List.of("aws_vpc", "aws_security_group"), true),
                new ModuleStatus("aws_route53", "1", List.of("aws_vpc"), false));

        assertThat(ModulesCard.neededBy("aws_vpc", all)).containsExactly("aws_ec2");
        assertThat(ModulesCard.neededBy("aws_ec2", all)).isEmpty();
    }

    @Test
    void aButtonIsDisabledWithTheRoleRefusalFirstThenTheEnginesReasonForTheModule() {
        ModuleStatus base = new ModuleStatus("aws_account", "1", List.of(), true,
                "Module aws_account cannot be uninstalled: it is the base of every environment");
        ModuleStatus free = new ModuleStatus("aws_s3", "1", List.of("aws_account"), true, null);
        ModuleStatus absent = new ModuleStatus("aws_route53", "1", List.of("aws_account"), false, null);

        assertThat(ModulesCard.refusal(base, null)).startsWith("Module aws_account cannot be uninstalled");
        assertThat(ModulesCard.refusal(free, null)).isNull();
        assertThat(ModulesCard.refusal(absent, null)).isNull();
        assertThat(ModulesCard.refusal(free, "bob may not install modules")).isEqualTo("bob may not install modules");
        assertThat(ModulesCard.refusal(absent, "bob may not install modules")).isEqualTo("bob may not install modules");
    }
}
