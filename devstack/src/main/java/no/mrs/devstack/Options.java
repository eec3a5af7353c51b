package no.mrs.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and bare {@code --flag} arguments. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.values.put(name, args[++i]);
            } else {
                options.flags.add(name);
            }
        }
        return options;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A port from the flag, else the environment variable, else the default. */
    int port(String name, String environmentVariable, int fallback) {
        String value = values.get(name);
        if (value == null) {
            value = System.getenv(environmentVariable);
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port number for --" + name + ": " + value);
        }
    }

    List<String> list(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
