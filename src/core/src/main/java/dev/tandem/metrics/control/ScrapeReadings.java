package dev.tandem.metrics.control;

import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.INVALID_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;

import dev.tandem.api.TransferStatus;
import dev.tandem.resources.ResourceNames;
import dev.tandem.transfer.control.TransferRegistry;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scrape reads from the ledgers and the broker, outside any transaction. An EJB, so that the reads run
 * in the EJB module: its persistence units are found by the component that is current, and a scrape comes from
 * the web module, which does not see them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScrapeReadings {

    @Inject
    TransferRegistry registry;

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    public Map<TransferStatus, Long> transfersByStatus() {
        return registry.countByStatus();
    }

    /**
     * The messages waiting on the request, invalid and dead-letter queues, counted by browsing them: cheap at the
     * depths Tandem keeps; a broker with a backlog of hundreds of thousands is better watched by its own metrics.
     */
    public Map<String, Long> queueDepths() {
        var depths = new LinkedHashMap<String, Long>();
        try (JMSContext jms = connectionFactory.createContext()) {
            for (String queue : List.of(REQUEST_QUEUE, INVALID_QUEUE, DEAD_LETTER_QUEUE)) {
                try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
                    long count = 0;
                    for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                        count++;
                    }
                    depths.put(queue, count);
                } catch (JMSException e) {
                    throw new JMSRuntimeException("cannot browse " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
                }
            }
        }
        return depths;
    }
}
