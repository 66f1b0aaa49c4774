package dev.pktpath.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands a front end offers, looked up by name or alias; runs a typed line against a session. */
public final class CommandRegistry {
    private final Map<String, SessionCommand> byName = new LinkedHashMap<>();
    private final List<SessionCommand> commands = new ArrayList<>();

    /** Every built-in command, in the order help lists them. */
    public static CommandRegistry standard() {
        CommandRegistry r = new CommandRegistry();
        StandardCommands.all(r).forEach(r::register);
        return r;
    }

    public CommandRegistry register(SessionCommand c) {
        commands.add(c);
        byName.put(c.name(), c);
        for (String a : c.aliases()) {
            byName.put(a, c);
        }
        return this;
    }

    public List<SessionCommand> commands() {
        return Collections.unmodifiableList(commands);
    }

    /** Every name and alias, for completion. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<SessionCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Runs one typed line. Blank and comment lines do nothing. */
    public Outcome execute(Session session, String line) throws CommandException {
        List<String> words = CommandLineSplitter.split(line);
        if (words.isEmpty()) {
            return Outcome.text("");
        }
        String name = words.get(0);
        SessionCommand c = find(name).orElseThrow(
                () -> new CommandException("unknown command: " + name + " (try: help)"));
        return c.run(session, words.subList(1, words.size()));
    }
}
