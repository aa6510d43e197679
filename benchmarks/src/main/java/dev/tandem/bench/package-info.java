/**
 * {@code ./tandem bench}: load on each of Tandem's entry points (sync REST, sync remote EJB, async REST,
 * async JMS) over a fixed duration per point, beside the bare floor of the same transaction shape
 * (Narayana JTA in a plain JVM against the same database servers and broker), with the CPU each
 * process spends per transfer. {@link dev.tandem.bench.Bench} plans and runs the points,
 * {@link dev.tandem.bench.Report} writes what a person reads.
 */
package dev.tandem.bench;
