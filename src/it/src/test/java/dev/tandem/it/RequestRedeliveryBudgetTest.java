package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.transfer.control.RedeliveryBackoff;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The redelivery settings for {@code tandem.transfers} give a queued request enough time to ride out an
 * outage: a ledger restart, and the lock waits on rows that in-doubt branches hold until the transaction
 * manager completes them, spent five attempts in 22 s on old settings and dead-lettered a request (issue
 * 21). The broker counts the attempts and redelivers at once (a broker-side delay would let the next
 * request of the same message group overtake a failed one); Tandem holds each redelivery
 * ({@link RedeliveryBackoff}).
 */
class RequestRedeliveryBudgetTest {

    private static final Path BROKER_XML = Path.of(System.getProperty("tandem.root", "../..")).resolve("server-config/artemis/broker.xml");

    @Test
    void aQueuedRequestIsRedeliveredForAboutTwoAndAHalfMinutesBeforeItIsDeadLettered() throws Exception {
        Element setting = requestQueueSetting();
        int attempts = Integer.parseInt(text(setting, "max-delivery-attempts"));

        Duration waited = Duration.ZERO;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            waited = waited.plus(RedeliveryBackoff.before(attempt));
        }

        assertThat(waited).as("time between the first and the last delivery attempt").isBetween(Duration.ofSeconds(150), Duration.ofSeconds(180));
        assertThat(RedeliveryBackoff.before(attempts)).as("the longest pause after a ledger is back").isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(text(setting, "redelivery-delay")).as("the broker redelivers at once, keeping the group's order").isEqualTo("0");
        assertThat(text(setting, "dead-letter-address")).isEqualTo("tandem.transfers.dlq");
    }

    private static Element requestQueueSetting() throws Exception {
        NodeList settings = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(BROKER_XML.toFile())
                .getElementsByTagName("address-setting");
        for (int i = 0; i < settings.getLength(); i++) {
            Element setting = (Element) settings.item(i);
            if (setting.getAttribute("match").equals("tandem.transfers")) {
                return setting;
            }
        }
        throw new AssertionError("no address-setting for tandem.transfers in " + BROKER_XML);
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        assertThat(found.getLength()).as(name + " in the address-setting of tandem.transfers").isEqualTo(1);
        return found.item(0).getTextContent().trim();
    }
}
