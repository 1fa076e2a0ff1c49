package dev.tablecloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews and approvals as DESIGN §6 has them, through REST and the SQL functions: a commit reaches
 * the cloud only when other people approved exactly the plan and SQL that is committed.
 */
class ReviewsIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private static final String REGION = "eu-north-1";

    private Api admin;
    private String environment;
    private Api alice;
    private Api bob;
    private Api carol;
    private String aliceName;
    private String bobName;

    @BeforeEach
    void environmentWithAuthorsAndReviewers() {
        admin = new Api(deployment);
        environment = admin.environment("rv-" + UUID.randomUUID().toString().substring(0, 8), TablecloudEar.motoUrl(),
                REGION, "aws_vpc");
        // Alice may review others' changes too: the four-eyes rule, not her roles, stops her approving her own.
        aliceName = user("alice", "author", "reviewer");
        alice = admin.as(aliceName, PASSWORD);
        bobName = user("bob", "reviewer");
        bob = admin.as(bobName, PASSWORD);
        carol = admin.as(user("carol", "author"), PASSWORD);
    }

    private String user(String prefix, String... roles) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        String grants = String.join(", ", java.util.Arrays.stream(roles).map(role ->
                "{\"environment\": %s, \"role\": %s}".formatted(Api.quote(environment), Api.quote(role))).toList());
        var created = admin.post("users", "{\"name\": %s, \"password\": %s, \"roles\": [%s]}"
                .formatted(Api.quote(name), Api.quote(PASSWORD), grants));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private void policy(int approvals) {
        var put = admin.put(path("review-policy"), "{\"approvalsRequired\": " + approvals + "}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private String path(String rest) {
        return "environments/" + environment + "/" + rest;
    }

    private void insertVpc(Api who, String cidr, String name) {
        SqlAnswers.ok(who.sql(environment, "insert into vpc (cidr_block, tags) values ('%s', '{\"Name\": \"%s\"}')"
                .formatted(cidr, name)));
    }

    private JsonObject openReview(Api who, String title) {
        var opened = who.post(path("transactions/current/reviews"),
                "{\"title\": %s, \"description\": \"Why: the shop needs it.\"}".formatted(Api.quote(title)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.location()).endsWith("/environments/" + environment + "/reviews/" + opened.object().getInt("id"));
        return opened.object();
    }

    private Api.Reply decide(Api who, long review, int revision, String decision, String comment) {
        return who.post(path("reviews/" + review + "/decisions"), "{\"revision\": %d, \"decision\": %s, \"comment\": %s}"
                .formatted(revision, Api.quote(decision), Api.quote(comment)));
    }

    private Api.Reply commit(Api who) {
        return who.post(path("transactions/current/commit"), "");
    }

    private JsonObject review(Api who, long id) {
        var got = who.get(path("reviews/" + id));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.object();
    }

    private List<String> vpcNamesInTheCloud() {
        try (Ec2Client ec2 = Moto.ec2(TablecloudEar.motoUrl(), REGION)) {
            return ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag-key").values("Name").build())).vpcs()
                    .stream().flatMap(vpc -> vpc.tags().stream()).filter(tag -> tag.key().equals("Name"))
                    .map(tag -> tag.value()).toList();
        }
    }

    @Test
    void anAuthorCannotApproveHerOwnChangeAndAReviewersApprovalLetsTheExactPlanCommit() {
        policy(1);
        long transaction = alice.begin(environment);
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 6);
        insertVpc(alice, "10.41.0.0/16", name);

        var unreviewed = commit(alice);
        assertThat(unreviewed.status()).isEqualTo(409);
        assertThat(unreviewed.object().getString("detail")).contains("needs 1 approval before it is committed, and has no review");

        JsonObject opened = openReview(alice, "Add the shop VPC");
        long review = opened.getJsonNumber("id").longValue();
        assertThat(opened.getInt("currentRevision")).isEqualTo(1);
        assertThat(opened.getString("openedBy")).isEqualTo(aliceName);
        JsonObject revision = opened.getJsonArray("revisions").getJsonObject(0);
        assertThat(revision.getJsonArray("plan").getJsonObject(0).getString("action")).isEqualTo("create");
        assertThat(revision.getString("sql")).contains("INSERT INTO vpc").contains(name);
        assertThat(opened.getBoolean("committable")).isFalse();
        assertThat(opened.getJsonArray("notCommittableBecause").getString(0)).isEqualTo("needs 1 approval, has 0");

        var own = decide(alice, review, 1, "approve", "looks fine to me");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.object().getString("detail")).startsWith(aliceName + " changed this transaction (insert vpc '"
                + name + "' at ").contains(") and so may not approve it");

        var notYet = commit(alice);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.object().getString("detail")).contains("needs 1 approval, has 0");
        assertThat(vpcNamesInTheCloud()).doesNotContain(name);

        var approved = decide(bob, review, 1, "approve", "ok");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        assertThat(review(alice, review).getBoolean("committable")).isTrue();

        var committed = alice.post(path("transactions/current/commit"));
        assertThat(committed.status()).as("a commit with no body, as curl -X POST sends it: " + committed).isEqualTo(200);
        assertThat(vpcNamesInTheCloud()).contains(name);
        JsonObject ended = admin.get(path("transactions/" + transaction)).object();
        assertThat(ended.getString("state")).isEqualTo("COMMITTED");
        assertThat(ended.getString("commitHash")).isEqualTo(revision.getString("hash"));
        assertThat(ended.getInt("commitReview")).isEqualTo((int) review);
        assertThat(ended.getInt("commitRevision")).isEqualTo(1);
        assertThat(column(rows(admin.sql(environment, "select new->>'hash' from iasql_audit_log where change_type ="
                + " 'COMMIT_START' and transaction_id = " + transaction), 0), 0)).containsExactly(revision.getString("hash"));

        JsonObject closed = review(bob, review);
        assertThat(closed.getString("state")).isEqualTo("committed");
        var late = decide(bob, review, 1, "reject", "too late");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.object().getString("detail")).contains("is closed: its transaction " + transaction + " was committed");

        var history = admin.get(path("reviews/" + review + "/history")).json().asJsonArray();
        assertThat(history.stream().map(entry -> entry.asJsonObject().getString("kind")).toList())
                .containsExactly("opened", "revision", "commit-failed", "approved", "committed");
        assertThat(history.getJsonObject(3).getString("actor")).isEqualTo(bobName);
    }

    @Test
    void theSqlFunctionsOpenTheSameReviewAndIasqlCommitObeysTheGate() {
        policy(1);
        alice.begin(environment);
        insertVpc(alice, "10.42.0.0/16", "sql-door");
        var markdown = SqlAnswers.rows(alice.sql(environment,
                "select * from iasql_create_review('Through psql''s door', 'Plain SQL')"), 0);
        assertThat(column(markdown, 0).get(0)).startsWith("# Through psql's door").contains("INSERT INTO vpc");

        var refused = alice.sql(environment, "select * from iasql_commit()");
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("needs 1 approval, has 0");

        var open = admin.get(path("reviews")).json().asJsonArray();
        assertThat(open).hasSize(1);
        long review = open.getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(open.getJsonObject(0).getString("approvals")).isEqualTo("0 of 1");
        var second = alice.sql(environment, "select * from iasql_create_review('Again', '')");
        assertThat(second.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("already has review " + review);

        assertThat(decide(bob, review, 1, "approve", null).status()).isEqualTo(201);
        SqlAnswers.ok(alice.sql(environment, "select * from iasql_commit()"));
        assertThat(vpcNamesInTheCloud()).contains("sql-door");
        assertThat(admin.get(path("reviews?state=closed")).json().asJsonArray().getJsonObject(0).getString("state"))
                .isEqualTo("committed");
    }

    @Test
    void aRowChangedAfterTheApprovalMakesItStaleUntilANewRevisionIsApproved() {
        policy(1);
        alice.begin(environment);
        insertVpc(alice, "10.43.0.0/16", "stale-a");
        long review = openReview(alice, "Two VPCs").getJsonNumber("id").longValue();
        assertThat(decide(bob, review, 1, "approve", null).status()).isEqualTo(201);

        insertVpc(carol, "10.44.0.0/16", "stale-b");
        JsonObject stale = review(bob, review);
        assertThat(stale.getBoolean("stale")).isTrue();
        assertThat(stale.getJsonArray("notCommittableBecause").getString(0)).contains("revision 1 is stale")
                .contains("insert vpc 'stale-b'");

        var refused = commit(alice);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).contains("plan changed since approval: revision 1 covered 1"
                + " action, the plan now has 2 (+ create vpc stale-b)").contains("changed this transaction since");
        assertThat(vpcNamesInTheCloud()).doesNotContain("stale-a", "stale-b");
        assertThat(admin.get(path("transactions/current")).object().getString("error")).startsWith("Commit refused: ");

        var onStale = decide(bob, review, 1, "approve", null);
        assertThat(onStale.status()).isEqualTo(409);
        assertThat(onStale.object().getString("detail")).contains("Revision 1 of review " + review + " is stale")
                .contains("insert vpc 'stale-b'");

        var revised = alice.post(path("reviews/" + review + "/revisions"), "");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        JsonObject second = revised.object();
        assertThat(second.getInt("currentRevision")).isEqualTo(2);
        assertThat(second.getJsonArray("revisions").getJsonObject(1).getJsonArray("changesSincePrevious").getString(0))
                .contains("insert vpc 'stale-b'");
        var onOld = decide(bob, review, 1, "approve", null);
        assertThat(onOld.status()).isEqualTo(409);
        assertThat(onOld.object().getString("detail")).contains("is not the current one").contains("revision 2 is");

        assertThat(decide(bob, review, 2, "approve", null).status()).isEqualTo(201);
        var committed = commit(alice);
        assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
        assertThat(vpcNamesInTheCloud()).contains("stale-a", "stale-b");
        assertThat(admin.get(path("reviews/" + review + "/history")).json().asJsonArray().stream()
                .map(entry -> entry.asJsonObject().getString("kind")).toList()).contains("stale");
    }

    @Test
    void driftInTheCloudAfterTheApprovalRefusesTheCommitTheSameWay() {
        String vpcId;
        try (Ec2Client ec2 = Moto.ec2(TablecloudEar.motoUrl(), REGION)) {
            vpcId = ec2.createVpc(r -> r.cidrBlock("10.45.0.0/16")).vpc().vpcId();
            ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("Name").value("drift-before")));
        }
        SqlAnswers.ok(admin.sql(environment, "select * from iasql_sync()"));
        policy(1);
        alice.begin(environment);
        SqlAnswers.ok(alice.sql(environment, "update vpc set tags = '{\"Name\": \"drift-after\"}' where vpc_id = '"
                + vpcId + "'"));
        long review = openReview(alice, "Rename a VPC").getJsonNumber("id").longValue();
        assertThat(decide(bob, review, 1, "approve", null).status()).isEqualTo(201);

        try (Ec2Client ec2 = Moto.ec2(TablecloudEar.motoUrl(), REGION)) {
            ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("Name").value("renamed-by-hand")));
        }
        var refused = commit(alice);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).contains("plan changed since approval")
                .contains("~ update vpc").contains("renamed-by-hand").contains("the cloud did (drift)");
        assertThat(vpcNamesInTheCloud()).contains("renamed-by-hand").doesNotContain("drift-after");
    }

    @Test
    void twoApprovalsARejectionThatBlocksAndTheRefusalsOfRolesAndUnknownReviews() {
        var wrong = admin.put(path("review-policy"), "{\"approvalsRequired\": 6, \"approverRole\": \"author\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("approvalsRequired").contains("approverRole");
        assertThat(alice.put(path("review-policy"), "{\"approvalsRequired\": 2}").status()).isEqualTo(403);
        policy(2);
        JsonObject policy = bob.get(path("review-policy")).object();
        assertThat(policy.getInt("approvalsRequired")).isEqualTo(2);
        assertThat(policy.getBoolean("selfApproval")).isFalse();
        assertThat(policy.getBoolean("rejectionBlocks")).isTrue();
        assertThat(policy.getString("approverRole")).isEqualTo("reviewer");

        alice.begin(environment);
        insertVpc(alice, "10.46.0.0/16", "two-eyes");
        long review = openReview(alice, "Needs two").getJsonNumber("id").longValue();
        Api dave = admin.as(user("dave", "reviewer"), PASSWORD);
        Api viewer = admin.as(user("vera", "viewer"), PASSWORD);

        var byViewer = decide(viewer, review, 1, "approve", null);
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byViewer.object().getString("detail")).contains("that needs the reviewer role");
        assertThat(decide(bob, 999_999, 1, "approve", null).status()).isEqualTo(404);
        assertThat(decide(bob, review, 1, "maybe", null).status()).isEqualTo(400);

        assertThat(decide(bob, review, 1, "approve", null).status()).isEqualTo(201);
        var oneOfTwo = commit(alice);
        assertThat(oneOfTwo.status()).isEqualTo(409);
        assertThat(oneOfTwo.object().getString("detail")).contains("needs 2 approvals, has 1 (" + bobName + ")");

        assertThat(decide(dave, review, 1, "reject", "the block overlaps the VPN range").status()).isEqualTo(201);
        var rejected = commit(alice);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.object().getString("detail")).contains("rejected by ")
                .contains(": the block overlaps the VPN range");

        assertThat(decide(dave, review, 1, "approve", "checked again: fine").status()).isEqualTo(201);
        JsonObject standing = review(alice, review).getJsonObject("approvals");
        assertThat(standing.getJsonArray("approvedBy")).hasSize(2);
        assertThat(standing.getJsonArray("rejectedBy")).isEmpty();
        assertThat(commit(alice).status()).isEqualTo(200);
        assertThat(vpcNamesInTheCloud()).contains("two-eyes");
    }

    @Test
    void anAdminMayCommitWithoutTheApprovalsGivingAReasonThatIsRecorded() {
        policy(1);
        long transaction = alice.begin(environment);
        insertVpc(alice, "10.47.0.0/16", "break-glass");
        long review = openReview(alice, "Urgent").getJsonNumber("id").longValue();

        var byAuthor = alice.post(path("transactions/current/commit"), "{\"override\": \"I am in a hurry\"}");
        assertThat(byAuthor.status()).isEqualTo(403);
        assertThat(byAuthor.object().getString("detail")).contains("commit without the approvals")
                .contains("that needs the admin role");
        var noReason = admin.post(path("transactions/current/commit"), "{\"override\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        var notJson = admin.post(path("transactions/current/commit"), "{\"override\": 42}");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.object().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("override");

        var overridden = admin.post(path("transactions/current/commit"),
                "{\"override\": \"incident 4711: the shop is down\"}");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        JsonObject ended = admin.get(path("transactions/" + transaction)).object();
        assertThat(ended.getString("commitOverride")).isEqualTo("incident 4711: the shop is down");
        assertThat(column(rows(admin.sql(environment, "select new->>'override' from iasql_audit_log where change_type ="
                + " 'COMMIT_START' and transaction_id = " + transaction), 0), 0))
                .containsExactly("incident 4711: the shop is down");
        var history = admin.get(path("reviews/" + review + "/history")).json().asJsonArray();
        JsonObject override = history.stream().map(entry -> entry.asJsonObject())
                .filter(entry -> entry.getString("kind").equals("overridden")).findFirst().orElseThrow();
        assertThat(override.getString("actor")).isEqualTo(Api.ADMIN);
        assertThat(override.getString("detail")).isEqualTo("incident 4711: the shop is down");
    }

    @Test
    void theInboxHoldsWhatICanDecideAndCommentsOnAPlanLineAreKeptAsWrittenAndShownSafely() {
        policy(1);
        alice.begin(environment);
        insertVpc(alice, "10.48.0.0/16", "inbox");
        JsonObject opened = openReview(alice, "For the inbox");
        long review = opened.getJsonNumber("id").longValue();
        JsonObject line = opened.getJsonArray("revisions").getJsonObject(0).getJsonArray("plan").getJsonObject(0);

        assertThat(ids(bob.get("reviews/inbox").json().asJsonArray())).contains(review);
        assertThat(ids(alice.get("reviews/inbox").json().asJsonArray())).doesNotContain(review);

        String text = "Is **10.48** free? <script>alert(1)</script>";
        var comment = bob.post(path("reviews/" + review + "/comments"), ("{\"text\": %s, \"planRow\": {\"action\": %s,"
                + " \"tableName\": %s, \"id\": %s}}").formatted(Api.quote(text), Api.quote(line.getString("action")),
                Api.quote(line.getString("tableName")), Api.quote(line.getString("id"))));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        JsonObject kept = review(alice, review).getJsonArray("comments").getJsonObject(0);
        assertThat(kept.getString("text")).isEqualTo(text);
        assertThat(kept.getString("html")).contains("<strong>10.48</strong>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(kept.getJsonObject("planRow").getString("tableName")).isEqualTo("vpc");
        var nowhere = bob.post(path("reviews/" + review + "/comments"),
                "{\"text\": \"?\", \"planRow\": {\"action\": \"delete\", \"tableName\": \"vpc\", \"id\": \"0\"}}");
        assertThat(nowhere.status()).isEqualTo(400);

        assertThat(decide(bob, review, 1, "approve", null).status()).isEqualTo(201);
        assertThat(ids(bob.get("reviews/inbox").json().asJsonArray())).doesNotContain(review);
    }

    private static List<Long> ids(jakarta.json.JsonArray reviews) {
        return reviews.stream().map(r -> r.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    /**
     * Approvals race row changes: whatever the interleaving, the approval of a revision frozen before
     * a change never lets the changed plan commit; the revision frozen after it, approved, does.
     */
    @Test
    void anApprovalRacingARowChangeNeverLetsAnUnapprovedPlanCommit() throws Exception {
        policy(1);
        for (int round = 0; round < 20; round++) {
            long transaction = alice.begin(environment);
            String first = "race-" + round + "-a";
            String second = "race-" + round + "-b";
            insertVpc(alice, "10.50." + round + ".0/24", first);
            long review = openReview(alice, "Round " + round).getJsonNumber("id").longValue();
            String cidr = "10.51." + round + ".0/24";
            CompletableFuture<Api.Reply> approval = CompletableFuture.supplyAsync(() -> decide(bob, review, 1,
                    "approve", null));
            CompletableFuture<JsonObject> change = CompletableFuture.supplyAsync(() -> carol.sql(environment,
                    "insert into vpc (cidr_block, tags) values ('" + cidr + "', '{\"Name\": \"" + second + "\"}')"));
            assertThat(approval.get().status()).as("round " + round).isIn(201, 409);
            SqlAnswers.ok(change.get());

            var refused = commit(alice);
            assertThat(refused.status()).as("round " + round + ": " + refused).isEqualTo(409);
            assertThat(vpcNamesInTheCloud()).as("round " + round).doesNotContain(first, second);

            assertThat(alice.post(path("reviews/" + review + "/revisions"), "").status()).isEqualTo(201);
            assertThat(decide(bob, review, 2, "approve", null).status()).isEqualTo(201);
            var committed = commit(alice);
            assertThat(committed.status()).as("round " + round + ": " + committed).isEqualTo(200);
            JsonObject ended = admin.get(path("transactions/" + transaction)).object();
            JsonObject approved = review(admin, review).getJsonArray("revisions").getJsonObject(1);
            assertThat(ended.getInt("commitRevision")).isEqualTo(2);
            assertThat(ended.getString("commitHash")).isEqualTo(approved.getString("hash"));
            assertThat(vpcNamesInTheCloud()).as("round " + round).contains(first, second);
        }
    }
}
