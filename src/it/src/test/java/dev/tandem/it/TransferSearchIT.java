package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.json.Problem;
import dev.tandem.client.RestTransferService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's reads: {@code GET /transfers} with filters, {@code GET /accounts/{id}/entries} (the statement)
 * and {@code GET /accounts}, newest first or in id order, a page at a time through {@code Link} headers, and bad
 * queries answered 400; pages that hold every item once while transfers keep arriving. Accounts A-0002, B-0002,
 * A-0006, B-0006.
 */
@ExtendWith(ConservationCheck.class)
class TransferSearchIT {

    private static final Instant SINCE = Instant.now().minusSeconds(1);
    /** The transfers made here, oldest first. */
    private static final List<String> MADE = new ArrayList<>();
    private static String rejected;
    private static String queued;

    @BeforeAll
    static void makeTransfers() throws Exception {
        for (String amount : List.of("1.00", "2.00", "999999.00", "3.00", "4.00", "5.00")) {
            String id = UUID.randomUUID().toString();
            int status = Tandem.postJson("transfers", body(id, amount)).statusCode();
            assertThat(status).isEqualTo(amount.equals("999999.00") ? 422 : 201);
            MADE.add(id);
            if (status == 422) {
                rejected = id;
            }
        }
        queued = UUID.randomUUID().toString();
        assertThat(Tandem.postJson("transfers", body(queued, "6.00"), "Prefer", "respond-async").statusCode()).isEqualTo(202);
        MADE.add(queued);
        Polling.until(Duration.ofSeconds(60), () -> Tandem.json(Tandem.get("transfers/" + queued)).getString("status"),
                "COMPLETED"::equals);
    }

    @Test
    void anAccountsTransfersAreFoundNewestFirstAPageAtATimeFromEitherSide() {
        List<JsonObject> bySource = everyPage("transfers?account=A-0002&since=" + SINCE + "&limit=2");
        List<JsonObject> byTarget = everyPage("transfers?account=B-0002&since=" + SINCE + "&limit=5");

        assertThat(ids(bySource)).containsExactlyElementsOf(newestFirst());
        assertThat(ids(byTarget)).containsExactlyElementsOf(newestFirst());
        assertThat(bySource).allSatisfy(transfer -> assertThat(transfer.getString("from")).isEqualTo("A-0002"));
        assertThat(Tandem.get("transfers?account=A-0002&since=" + SINCE + "&limit=2").headers().firstValue("Link"))
                .hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\"", "cursor="));
    }

    @Test
    void filtersByStatusModeAndTimeCombine() {
        assertThat(ids(everyPage("transfers?account=A-0002&status=rejected&since=" + SINCE))).containsExactly(rejected);
        assertThat(ids(everyPage("transfers?account=A-0002&mode=ASYNC&since=" + SINCE))).containsExactly(queued);
        assertThat(ids(everyPage("transfers?account=A-0002&status=COMPLETED&mode=SYNC&since=" + SINCE)))
                .hasSize(MADE.size() - 2).doesNotContain(rejected, queued);
        Instant fourth = Instant.parse(Tandem.json(Tandem.get("transfers/" + MADE.get(3))).getString("createdAt"));
        assertThat(ids(everyPage("transfers?account=A-0002&since=" + SINCE + "&until=" + fourth)))
                .as("until is exclusive").containsExactly(MADE.get(2), MADE.get(1), MADE.get(0));
        assertThat(ids(everyPage("transfers?status=PENDING&account=A-0002"))).isEmpty();
    }

    @Test
    void anAccountsStatementListsEachEntryWithTheBalanceItLeftBackToTheOpeningBalance() throws Exception {
        List<JsonObject> statement = everyPage("accounts/A-0002/entries?limit=3");

        assertThat(statement).isNotEmpty();
        assertThat(new BigDecimal(statement.get(0).getString("balanceAfter"))).as("the newest entry left the balance")
                .isEqualByComparingTo(Tandem.balance("A-0002"));
        for (int i = 0; i + 1 < statement.size(); i++) {
            JsonObject newer = statement.get(i);
            JsonObject older = statement.get(i + 1);
            assertThat(new BigDecimal(older.getString("balanceAfter")).add(new BigDecimal(newer.getString("amount"))))
                    .as("balance after %s", newer).isEqualByComparingTo(new BigDecimal(newer.getString("balanceAfter")));
            assertThat(Instant.parse(newer.getString("postedAt"))).isAfterOrEqualTo(Instant.parse(older.getString("postedAt")));
        }
        JsonObject opening = statement.get(statement.size() - 1);
        assertThat(opening.getBoolean("opening")).isTrue();
        assertThat(opening.containsKey("transfer")).isFalse();
        List<String> transfers = statement.stream().filter(entry -> entry.containsKey("transfer"))
                .map(entry -> entry.getString("transfer")).toList();
        assertThat(transfers).as("a rejected transfer posts nothing").doesNotContain(rejected)
                .containsAll(MADE.stream().filter(id -> !id.equals(rejected)).toList());
        assertThat(statement.stream().filter(entry -> MADE.contains(entry.getString("transfer", ""))))
                .allSatisfy(entry -> assertThat(new BigDecimal(entry.getString("amount"))).isNegative());
    }

    @Test
    void pagesHoldEveryItemOnceWhileTransfersKeepArriving() throws Exception {
        List<String> before = List.of(transferA0006(), transferA0006(), transferA0006(), transferA0006(), transferA0006());
        var keepArriving = new AtomicBoolean(true);
        var arrived = new CopyOnWriteArrayList<String>();
        Thread arriving = new Thread(() -> {
            while (keepArriving.get()) {
                arrived.add(transferA0006());
            }
        });
        arriving.start();
        List<String> searched;
        List<JsonObject> statement;
        try {
            Polling.until(Duration.ofSeconds(30), arrived::size, size -> size >= 1);
            searched = ids(everyPage("transfers?account=A-0006&limit=2"));
            statement = everyPage("accounts/A-0006/entries?limit=2");
        } finally {
            keepArriving.set(false);
            arriving.join();
        }

        assertThat(searched).doesNotHaveDuplicates().containsAll(before);
        assertThat(statement.stream().map(entry -> entry.getString("id")).toList()).doesNotHaveDuplicates();
        assertThat(statement.stream().map(entry -> entry.getString("transfer", "")).toList()).containsAll(before);
        assertThat(arrived).as("transfers that arrived during the walk").isNotEmpty();
    }

    private static String transferA0006() {
        String id = UUID.randomUUID().toString();
        assertThat(Tandem.postJson("transfers", "{\"id\":\"" + id + "\",\"from\":\"A-0006\",\"to\":\"B-0006\","
                + "\"amount\":\"0.01\",\"currency\":\"EUR\"}").statusCode()).isEqualTo(201);
        return id;
    }

    @Test
    void accountsComeAPageAtATimeInIdOrder() {
        List<String> paged = everyPage("accounts?limit=30").stream().map(account -> account.getString("id")).toList();

        assertThat(paged).hasSize(100).isSorted().doesNotHaveDuplicates()
                .containsExactlyElementsOf(Tandem.CLIENT.accounts().stream().map(AccountDetails::id).toList());
    }

    @Test
    void theLauncherPrintsThemAPageAtATimeAndWhereTheNextPageStarts() throws Exception {
        Processes.Run firstPage = Tandem.launcher("transfers", "--account", "B-0002", "--status", "completed", "--limit", "2");
        assertThat(firstPage.exitCode()).as(firstPage.output()).isZero();
        assertThat(firstPage.output()).contains(queued, MADE.get(MADE.size() - 2)).doesNotContain(rejected);
        Matcher next = Pattern.compile("the next page: --cursor (\\S+)\\)").matcher(firstPage.output());
        assertThat(next.find()).as(firstPage.output()).isTrue();

        Processes.Run secondPage = Tandem.launcher("transfers", "--account", "B-0002", "--status", "completed", "--limit", "2",
                "--cursor", next.group(1));
        assertThat(secondPage.output()).contains(MADE.get(MADE.size() - 3)).doesNotContain(queued);

        Processes.Run statement = Tandem.launcher("statement", "A-0002", "--all");
        assertThat(statement.exitCode()).as(statement.output()).isZero();
        assertThat(statement.output()).contains("(opening balance)", Tandem.balance("A-0002").toPlainString(), "no more")
                .contains(MADE.stream().filter(id -> !id.equals(rejected)).toList());
        assertThat(Tandem.launcher("statement", "A-9999").output()).contains("no account with id A-9999");
    }

    @Test
    void badQueriesAreAnsweredWithProblems() {
        for (String query : List.of("transfers?status=LOST", "transfers?mode=LATER", "transfers?since=yesterday",
                "transfers?limit=0", "transfers?limit=1001", "transfers?cursor=%21%21", "accounts?limit=ten",
                "accounts/A-0002/entries?cursor=bm90LWEtY3Vyc29y")) {
            HttpResponse<String> answer = Tandem.get(query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(query).hasValueSatisfying(type ->
                    assertThat(type).startsWith(Problem.MEDIA_TYPE));
            assertThat(Tandem.json(answer).getString("detail")).as(query).isNotBlank();
        }
        assertThat(Tandem.get("accounts/A-9999/entries").statusCode()).isEqualTo(404);
    }

    /** Every item of a list, following its {@code Link: rel="next"} headers. */
    private static List<JsonObject> everyPage(String path) {
        var items = new ArrayList<JsonObject>();
        Optional<URI> page = Optional.of(Tandem.API.resolve(path));
        while (page.isPresent()) {
            HttpResponse<String> response = Tandem.send(HttpRequest.newBuilder(page.get()).GET());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                reader.readArray().stream().map(JsonValue::asJsonObject).forEach(items::add);
            }
            page = RestTransferService.nextPage(response);
        }
        return items;
    }

    private static List<String> newestFirst() {
        var newestFirst = new ArrayList<>(MADE);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<String> ids(List<JsonObject> transfers) {
        return transfers.stream().map(transfer -> transfer.getString("id")).toList();
    }

    private static String body(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0002\",\"to\":\"B-0002\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
