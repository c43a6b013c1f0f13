package com.sicfurnace.hmi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A WebJar the pages use, served from the HMI's own jar under {@code /static/vendor/{name}} (same origin, as the
 * Content-Security-Policy wants; nothing is fetched at run time). The version is the one on the class path, read from
 * the WebJar's pom.properties, so that the parent pom alone pins it.
 */
public enum Webjar {
    UPLOT("org.webjars.npm", "uplot");

    private final String group;
    private final String artifact;

    Webjar(String group, String artifact) {
        this.group = group;
        this.artifact = artifact;
    }

    /** Where the browser finds its files. */
    public String hostedPath() {
        return "/static/vendor/" + artifact;
    }

    public String path(String file) {
        return hostedPath() + "/" + file;
    }

    /**
     * Where its files are on the class path: the version's directory, the one that has an entry of its own in the jar
     * (uPlot's {@code dist/} has none, and Javalin looks a directory up as a resource).
     */
    public String classpathDirectory() {
        return "/META-INF/resources/webjars/" + artifact + "/" + version();
    }

    private String version() {
        String name = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Webjar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + group + ":" + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
