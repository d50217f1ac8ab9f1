package io.zauth.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Zulip's check_server_incompatibility (zerver/lib/compatibility.py) for server_settings' is_incompatible. */
final class ClientCompatibility {

    private static final Pattern USER_AGENT = Pattern.compile("^(?<name>[^/ ]*[^0-9/(]*)(/(?<version>[^/ ]*))?([ /].*)?$", Pattern.DOTALL);
    private static final Pattern ANDROID = Pattern.compile("\\bAndroid\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERALS = Pattern.compile("^(\\d+(?:\\.\\d+)*)");
    /** Zulip Mobile 16.2.96 fixed Android notifications that newer servers would break. */
    private static final List<Integer> ANDROID_MIN_APP_VERSION = List.of(16, 2, 96);

    private ClientCompatibility() {}

    static boolean isIncompatible(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        Matcher m = USER_AGENT.matcher(userAgent);
        if (!m.matches()) {
            return false;
        }
        String name = m.group("name");
        if ("ZulipInvalid".equals(name)) {
            return true;
        }
        return "ZulipMobile".equals(name) && ANDROID.matcher(userAgent).find()
                && m.group("version") != null && isOlder(m.group("version"), ANDROID_MIN_APP_VERSION);
    }

    private static boolean isOlder(String version, List<Integer> minimum) {
        Matcher m = NUMERALS.matcher(version);
        if (!m.find()) {
            return false;
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        for (int i = 0; i < Math.min(numbers.size(), minimum.size()); i++) {
            int c = Integer.compare(numbers.get(i), minimum.get(i));
            if (c != 0) {
                return c < 0;
            }
        }
        return numbers.size() < minimum.size();
    }
}
