/** Runnable examples on the embedded emulator: what users copy. */
package dev.connectchat.examples;
