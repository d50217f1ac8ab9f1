package io.zauth.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code attempts} within {@code window}, written {@code 5/30m} (units s, m, h) in
 * configuration and on the command line.
 */
public record Limit(int attempts, Duration window) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})/(\\d{1,6})([smh])");

    public Limit {
        if (attempts < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one attempt");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a rate limit window lies between 1 second and 24 hours");
        }
    }

    public static Limit parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit: write attempts/window, e.g. 5/30m");
        }
        long amount = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new Limit(Integer.parseInt(m.group(1)), window);
    }

    @Override
    public String toString() {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return attempts + "/" + seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? attempts + "/" + seconds / 60 + "m" : attempts + "/" + seconds + "s";
    }
}
