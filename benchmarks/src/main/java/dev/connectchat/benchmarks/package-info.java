/** Benchmarks: measured outside {@code mvn verify}. */
package dev.connectchat.benchmarks;
