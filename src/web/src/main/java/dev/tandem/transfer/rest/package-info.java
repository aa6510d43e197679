/** REST boundary for transfers: {@code POST /transfers} and {@code GET /transfers/{id}}. */
package dev.tandem.transfer.rest;
