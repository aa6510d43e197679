package dev.tandem.client;

import dev.tandem.client.jms.DeadLetters;
import dev.tandem.client.jms.DeadLetters.DeadLetter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "dlq", description = "The dead-letter queue: requests that failed on every delivery attempt.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.ReplayLetters.class})
class DlqCommand {

    @Command(name = "list", description = "Lists the dead letters, leaving them where they are.")
    static class ListLetters implements Callable<Integer> {

        @Mixin
        BrokerOptions broker;

        @Override
        public Integer call() throws Exception {
            List<DeadLetter> letters = new DeadLetters(broker.broker().connectionFactory()).list();
            System.out.printf("%d dead letter(s) on tandem.transfers.dlq%n", letters.size());
            letters.forEach(letter -> System.out.printf("%s  transfer %s  sent %s%n    %s%n",
                    letter.messageId(), letter.transferId(), letter.sentAt(), letter.body()));
            return 0;
        }
    }

    @Command(name = "replay", description = "Moves dead letters back to tandem.transfers to be processed again.")
    static class ReplayLetters implements Callable<Integer> {

        @Mixin
        BrokerOptions broker;

        @Parameters(arity = "0..*", paramLabel = "ID", description = "transfer ids or JMS message ids (default: all)")
        List<String> ids = List.of();

        @Override
        public Integer call() throws Exception {
            List<DeadLetter> replayed = new DeadLetters(broker.broker().connectionFactory()).replay(ids);
            System.out.printf("replayed %d dead letter(s)%n", replayed.size());
            replayed.forEach(letter -> System.out.printf("  transfer %s (%s)%n", letter.transferId(), letter.messageId()));
            return ids.isEmpty() || replayed.size() == ids.size() ? 0 : TandemCli.FAILED;
        }
    }
}
