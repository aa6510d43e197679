package dev.tandem.api;

/** No account with this id exists in either ledger. */
public class UnknownAccountException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException(String accountId) {
        super("no account with id " + accountId);
    }
}
