/**
 * The REST application under {@code /tandem/api} and what all its resources share: one mapping
 * of every failure to an {@code application/problem+json} response (RFC 9457).
 */
package dev.tandem.rest;
