/**
 * {@code ./tandem chaos}: a randomized fault schedule under transfers on every entry point, and a bank
 * checker of what the callers were told against what Tandem recorded. {@link dev.tandem.client.chaos.Nemesis}
 * faults the processes ({@link dev.tandem.client.chaos.Target}), {@link dev.tandem.client.chaos.Workload}
 * runs the clients into a {@link dev.tandem.client.chaos.History}, {@link dev.tandem.client.chaos.BankChecker}
 * judges it.
 */
package dev.tandem.client.chaos;
