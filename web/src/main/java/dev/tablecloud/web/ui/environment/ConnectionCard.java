package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.cloud.ConnectionSettings;
import dev.tablecloud.cloud.ConnectionTestResult;
import dev.tablecloud.environment.EnvironmentData;

/** How the environment signs in to AWS, and a test that says whom it reaches or why not. */
class ConnectionCard extends Div {

    final Facts facts = new Facts();
    final Button test = new Button("Test connection");
    final Span answer = new Span();
    private final ConnectionService connections;
    private final EnvironmentData environment;

    ConnectionCard(ConnectionService connections, EnvironmentData environment) {
        this.connections = connections;
        this.environment = environment;
        addClassName("tc-card");
        setId("connection");
        test.setId("test-connection");
        test.addClickListener(click -> test());
        answer.setId("connection-answer");
        answer.addClassName("tc-answer");
        add(new H3("AWS connection"), facts, test, answer);
        show(connections.get(environment.name()));
    }

    void show(ConnectionSettings settings) {
        facts.clear()
                .fact("Credentials", describe(settings))
                .fact("Endpoint", environment.awsEndpoint() == null ? "AWS (no override)" : environment.awsEndpoint());
    }

    static String describe(ConnectionSettings settings) {
        return switch (settings.credentialsType()) {
            case "access-key" -> "access key " + settings.accessKeyId();
            case "assume-role" -> "assume role " + settings.roleArn()
                    + (settings.externalId() == null ? "" : " (external id " + settings.externalId() + ")");
            default -> "the server's default credential chain";
        };
    }

    void test() {
        ConnectionTestResult result = connections.test(environment.name());
        answer.removeClassNames("tc-ok", "tc-failed");
        if (result.ok()) {
            answer.setText("✓ Reaches account " + result.account() + " as " + result.arn() + " in " + result.region() + ".");
            answer.addClassName("tc-ok");
        } else {
            answer.setText("✗ " + result.reason());
            answer.addClassName("tc-failed");
        }
    }
}
