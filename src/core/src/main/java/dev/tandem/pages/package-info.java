/**
 * Long lists read a page at a time, newest first: where a page ends is the time and id of its last row, so
 * that the next page starts after it whatever has been added since (keyset pagination, no offsets).
 */
package dev.tandem.pages;
