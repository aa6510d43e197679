package dev.tandem.verification.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.transaction.xa.Xid;

/**
 * The name of the transaction manager that created a branch, read from the branch's XID where that
 * manager's own recovery reads it: a prepared branch carrying another name is not this manager's to
 * complete, and not Tandem's to report.
 * <ul>
 * <li>Narayana (WildFly): the global transaction id is a 28-byte Uid followed by the node identifier.</li>
 * <li>Payara (JTS): the branch qualifier is the server name (host or {@code xa-servername}, instance and
 * IIOP port, comma separated), a comma and the branch number.</li>
 * </ul>
 */
public final class TransactionManagerName {

    static final int NARAYANA_JTA_FORMAT = 131077;
    static final int NARAYANA_JTS_FORMAT = 131072;
    static final int PAYARA_FORMAT = ('J' << 16) + ('T' << 8) + 'S';
    static final int NARAYANA_UID_BYTES = 28;

    private TransactionManagerName() {
    }

    public static String of(Xid xid) {
        return of(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    /** @return the creator's name, or null if the XID is not in the format of a manager Tandem runs on */
    public static String of(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {
        if (formatId == NARAYANA_JTA_FORMAT || formatId == NARAYANA_JTS_FORMAT) {
            return globalTransactionId.length > NARAYANA_UID_BYTES
                    ? utf8(Arrays.copyOfRange(globalTransactionId, NARAYANA_UID_BYTES, globalTransactionId.length))
                    : null;
        }
        if (formatId == PAYARA_FORMAT) {
            String qualifier = utf8(branchQualifier);
            int branchNumber = qualifier.lastIndexOf(',');
            return branchNumber > 0 ? qualifier.substring(0, branchNumber) : null;
        }
        return null;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
