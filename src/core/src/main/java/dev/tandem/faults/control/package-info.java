/**
 * A fault switch for crash-recovery tests: it makes a transfer stop dead at a chosen point of its
 * two-phase commit, so that a test can kill the server there. Off unless the server runs with the
 * system property {@code tandem.faults.dir}, and armed per transfer by a file in that directory:
 * nothing a client sends can arm it.
 */
package dev.tandem.faults.control;
