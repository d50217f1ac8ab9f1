package io.zauth.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Passwords come from standard input (a prompt without echo on a terminal), never from arguments. */
final class PasswordInput {

    private PasswordInput() {}

    static String read() {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            if (typed == null) {
                throw new IllegalArgumentException("no password given on standard input");
            }
            return new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password given on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
