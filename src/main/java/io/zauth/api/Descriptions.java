package io.zauth.api;

/** Organization descriptions as Zulip sends them: rendered HTML, here one escaped paragraph per line block. */
final class Descriptions {

    private Descriptions() {}

    static String html(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : description.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>\n")).append("</p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
}
