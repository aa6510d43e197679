package dev.tandem.ledgerxa;

import java.util.HexFormat;
import javax.transaction.xa.Xid;

/**
 * How a branch is named in the log: format id, global transaction id and branch qualifier in hex, which
 * a transaction manager's own log and a database's list of prepared transactions can be matched against.
 */
final class Xids {

    private static final HexFormat HEX = HexFormat.of();

    private Xids() {
    }

    static String describe(Xid xid) {
        return "xid " + xid.getFormatId() + ':' + HEX.formatHex(xid.getGlobalTransactionId()) + ':'
                + HEX.formatHex(xid.getBranchQualifier());
    }
}
