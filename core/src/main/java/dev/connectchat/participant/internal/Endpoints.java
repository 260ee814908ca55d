package dev.connectchat.participant.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.regex.Pattern;

/** The service's endpoints, and what counts as a loopback endpoint. */
public final class Endpoints {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private Endpoints() {
    }

    /**
     * @param region e.g. {@code us-east-1} or {@code cn-north-1}
     * @return {@code https://participant.connect.<region>.amazonaws.com}, ending in {@code .com.cn} in China
     */
    public static URI forRegion(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like 'us-east-1', was '" + region + "'");
        }
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://participant.connect." + region + "." + suffix);
    }

    /** @return whether the URI's host is a loopback name or address; never asks a resolver for other names */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // only strict address literals, parsed without a resolver: a name such as "a" or "127.1" is looked up
        // in DNS by the HTTP client, so it must not pass as loopback
        byte[] address = io.netty.util.NetUtil.createByteArrayFromIpAddressString(host);
        if (address == null) {
            return false;
        }
        try {
            return InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
