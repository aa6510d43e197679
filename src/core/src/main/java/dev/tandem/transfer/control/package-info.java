/**
 * The transfer engine and its rules: one JTA transaction per transfer that screens the request,
 * posts both legs, records the outcome and announces it. Every boundary delegates here.
 */
package dev.tandem.transfer.control;
