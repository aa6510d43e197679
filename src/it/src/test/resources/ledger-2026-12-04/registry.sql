CREATE TABLE IF NOT EXISTS transfer_record (
    id CHAR(36) NOT NULL PRIMARY KEY,
    from_account VARCHAR(34) NOT NULL,
    to_account VARCHAR(34) NOT NULL,
    requested_amount VARCHAR(90) NOT NULL,
    currency CHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL,
    reason VARCHAR(32),
    detail VARCHAR(500),
    mode VARCHAR(8) NOT NULL,
    created_at %1$s NOT NULL,
    completed_at %1$s);
CREATE TABLE IF NOT EXISTS audit_entry (
    id CHAR(36) NOT NULL PRIMARY KEY,
    transfer_id CHAR(36) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    summary VARCHAR(500) NOT NULL,
    recorded_at %1$s NOT NULL);
CREATE INDEX IF NOT EXISTS audit_entry_by_transfer ON audit_entry (transfer_id)
