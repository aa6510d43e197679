package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The broker's redelivery settings for {@code tandem.transfers} give a queued request enough time to ride
 * out an outage: a ledger restart, and the lock waits on rows that in-doubt branches hold until the
 * transaction manager completes them, spent five attempts in 22 s on the old settings and dead-lettered a
 * request (issue 21).
 */
class RequestRedeliveryBudgetTest {

    private static final Path BROKER_XML = Path.of(System.getProperty("tandem.root", "../..")).resolve("server-config/artemis/broker.xml");

    @Test
    void aQueuedRequestIsRedeliveredForAboutTwoAndAHalfMinutesBeforeItIsDeadLettered() throws Exception {
        Element setting = requestQueueSetting();
        int attempts = Integer.parseInt(text(setting, "max-delivery-attempts"));
        long delay = Long.parseLong(text(setting, "redelivery-delay"));
        double multiplier = Double.parseDouble(text(setting, "redelivery-delay-multiplier"));
        long maxDelay = Long.parseLong(text(setting, "max-redelivery-delay"));

        long waited = 0;
        for (int redelivery = 1; redelivery < attempts; redelivery++) {
            waited += Math.min(maxDelay, (long) (delay * Math.pow(multiplier, redelivery - 1)));
        }

        assertThat(Duration.ofMillis(waited)).as("time between the first and the last delivery attempt")
                .isBetween(Duration.ofSeconds(150), Duration.ofSeconds(180));
        assertThat(Duration.ofMillis(maxDelay)).as("the longest pause after a ledger is back").isLessThanOrEqualTo(Duration.ofSeconds(30));
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
