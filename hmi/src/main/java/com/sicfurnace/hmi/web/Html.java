package com.sicfurnace.hmi.web;

import java.util.Optional;

/**
 * The HMI's pages as plain HTML, in the ISA-101 manner: grey ground, dark grey text, no decorative colour (colour is
 * kept for abnormal states on the process screens to come). Every value put into a page goes through {@link #escape}.
 * No inline script or style: the Content-Security-Policy forbids them.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page: the bar with the user and a logout button (when logged in), then {@code body}. */
    public static String page(String title, Optional<Caller> caller, String body, String... modules) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – SiC furnace HMI</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/hmi.css\">\n");
        for (String module : modules) {
            html.append("<script type=\"module\" src=\"").append(escape(module)).append("\"></script>\n");
        }
        html.append("</head>\n<body>\n<header class=\"bar\">\n<a class=\"app\" href=\"/\">SiC furnace HMI</a>\n");
        caller.ifPresent(c -> html.append("<span class=\"who\">").append(escape(c.user().name())).append(" (")
                .append(escape(c.user().role().text())).append(")</span>\n")
                .append("<form class=\"logout\" method=\"post\" action=\"/logout\">")
                .append("<input type=\"hidden\" name=\"").append(Guard.CSRF_FIELD).append("\" value=\"")
                .append(escape(c.session().csrfToken())).append("\">")
                .append("<button type=\"submit\">Log out</button></form>\n"));
        html.append("</header>\n<main>\n<h1>").append(escape(title)).append("</h1>\n").append(body)
                .append("\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A time as people read it on a page: {@code 2026-03-02 08:00:00 UTC}. */
    public static String time(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", " UTC");
    }

    public static String forbidden(Caller caller, String reason) {
        return page("Not permitted", Optional.of(caller), "<p class=\"message\">" + escape(reason) + ".</p>\n"
                + "<p><a href=\"/\">Back to your session page</a></p>");
    }
}
