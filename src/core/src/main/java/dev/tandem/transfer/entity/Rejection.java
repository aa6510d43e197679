package dev.tandem.transfer.entity;

import dev.tandem.api.RejectionReason;

/** Why a particular transfer was refused: the kind of rejection and what exactly was wrong. */
public record Rejection(RejectionReason reason, String detail) {
}
