CREATE TABLE IF NOT EXISTS account (
    id VARCHAR(34) NOT NULL PRIMARY KEY,
    owner VARCHAR(100) NOT NULL,
    currency CHAR(3) NOT NULL,
    balance DECIMAL(19,2) NOT NULL,
    CONSTRAINT account_balance_not_negative CHECK (balance >= 0));
CREATE TABLE IF NOT EXISTS ledger_entry (
    id VARCHAR(40) NOT NULL PRIMARY KEY,
    transfer_id CHAR(36) NOT NULL,
    account_id VARCHAR(34) NOT NULL,
    amount DECIMAL(19,2) NOT NULL,
    balance_after DECIMAL(19,2) NOT NULL,
    posted_at %1$s NOT NULL,
    CONSTRAINT ledger_entry_account FOREIGN KEY (account_id) REFERENCES account (id));
CREATE INDEX IF NOT EXISTS ledger_entry_by_transfer ON ledger_entry (transfer_id);
CREATE INDEX IF NOT EXISTS ledger_entry_by_account ON ledger_entry (account_id)
