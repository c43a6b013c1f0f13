package com.sicfurnace.hmi.web;

import java.util.List;
import java.util.Optional;

/**
 * The HMI's pages as plain HTML, in the ISA-101 manner: grey ground, dark grey text, no decorative colour (colour is
 * kept for abnormal states and alarms on the process screens). Every value put into a page goes through
 * {@link #escape}. No inline script or style: the Content-Security-Policy forbids them.
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
        return render(title, caller, "", "", List.of(), body, List.of(modules));
    }

    /**
     * A process screen: the page with the alarm banner of its scope (one furnace, or the fleet when {@code furnace}
     * is empty) and the display hierarchy's trail above the title, the full width of the window, with the banner's
     * module and the screen's own style sheets and modules.
     */
    public static String screen(String title, Caller caller, Optional<String> furnace, String trail, String body,
                                List<String> styles, List<String> modules) {
        String scope = furnace.map(f -> " data-furnace=\"" + escape(f) + "\"").orElse("");
        String banner = "<div id=\"alarm-banner\" class=\"alarm-banner\"" + scope + " role=\"status\"></div>\n"
                + "<nav class=\"trail\" aria-label=\"display hierarchy\">" + trail + "</nav>\n";
        List<String> all = new java.util.ArrayList<>(List.of("/static/js/banner.js"));
        all.addAll(modules);
        return render(title, Optional.of(caller), " class=\"screen\"", banner, styles, body, all);
    }

    private static String render(String title, Optional<Caller> caller, String mainClass, String beforeTitle,
                                 List<String> styles, String body, List<String> modules) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – SiC furnace HMI</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/hmi.css\">\n");
        for (String style : styles) {
            html.append("<link rel=\"stylesheet\" href=\"").append(escape(style)).append("\">\n");
        }
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
        html.append("</header>\n").append(beforeTitle).append("<main").append(mainClass).append(">\n<h1>")
                .append(escape(title)).append("</h1>\n").append(body).append("\n</main>\n</body>\n</html>\n");
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
