package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.tls.TlsMaterial;
import java.time.Duration;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one Jetty connector the HMI listens on: plain HTTP, or HTTPS only (no HTTP connector beside it, so nothing
 * listens unencrypted beyond loopback). Given to Javalin through {@code config.jetty.addConnector}; with a connector
 * of ours Javalin adds none of its own.
 */
public final class Connectors {
    /** An idle connection is closed after this: a browser opens a new one at its next request. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private Connectors() {
    }

    public static ServerConnector http(Server server, HttpConfiguration config, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        return bound(connector, host, port);
    }

    public static ServerConnector https(Server server, HttpConfiguration config, String host, int port,
                                        TlsMaterial tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyManagerPassword(tls.password());
        HttpConfiguration https = new HttpConfiguration(config);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // one certificate: refusing a request whose SNI names a host the certificate lacks would add no protection
        // (the browser checks the name) but would turn a certificate warning into an opaque 400
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        return bound(connector, host, port);
    }

    private static ServerConnector bound(ServerConnector connector, String host, int port) {
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
    }
}
