package com.sicfurnace.hmi.tls;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The names a client may reach the HMI by, for a generated certificate's subject alternative names. */
public final class HostNames {
    private static final Logger LOG = LoggerFactory.getLogger(HostNames.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    /** Whether {@code name} is an IP address literal (v4, or v6 with colons), not a host name. */
    public static boolean isAddress(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    /**
     * The machine's host name and the bind address; for a wildcard bind (0.0.0.0, ::), every address of the machine's
     * interfaces instead; for a loopback bind, localhost and the loopback address. Looks at this machine only: no
     * name is looked up in DNS beyond the host's own name.
     */
    public static Set<String> forBind(String bind) {
        Set<String> names = new LinkedHashSet<>();
        hostName().ifPresent(names::add);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            names.add(bind);
            return names;
        }
        if (address.isLoopbackAddress()) {
            names.add("localhost");
            names.add(address.getHostAddress());
        } else if (address.isAnyLocalAddress()) {
            names.addAll(interfaceAddresses());
        } else {
            if (!isAddress(bind)) {
                names.add(bind);
            }
            names.add(address.getHostAddress());
        }
        return names;
    }

    private static java.util.Optional<String> hostName() {
        try {
            return java.util.Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            LOG.warn("the host name of this machine cannot be resolved ({}); the certificate names its addresses only",
                    e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static Set<String> interfaceAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        String text = a.getHostAddress();
                        int zone = text.indexOf('%');
                        addresses.add(zone < 0 ? text : text.substring(0, zone));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("the addresses of this machine's interfaces cannot be listed: {}", e.getMessage());
        }
        return addresses;
    }
}
