/** A Spring WebFlux service that bridges a browser (server-sent events) to a chat. */
package dev.connectchat.examples.webflux;
